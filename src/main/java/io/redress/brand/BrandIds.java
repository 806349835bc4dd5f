package io.redress.brand;

import io.redress.shared.GlobalId;
import io.redress.shared.NotFoundException;
import reactor.core.publisher.Mono;

/** Global ids of the brand module's types, decoded so that a wrong or foreign id reads as "not found". */
final class BrandIds {

	private BrandIds() {
	}

	static Mono<Long> brand(String globalId) {
		return GlobalId.decode(globalId, Brand.TYPE).map(Mono::just)
				.orElseGet(() -> Mono.error(new NotFoundException("Brand")));
	}

	static Mono<Long> claim(String globalId) {
		return GlobalId.decode(globalId, BrandClaim.TYPE).map(Mono::just)
				.orElseGet(() -> Mono.error(new NotFoundException("Brand claim")));
	}
}
