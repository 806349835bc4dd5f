package io.redress.brand;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.redress.shared.Connection;
import io.redress.shared.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps the {@code BrandInvitation} type and the invitation fields of {@code Brand} and {@code Viewer}. */
@Controller
class BrandInvitationController {

	private final InvitationDirectory directory;
	private final Brands brands;

	BrandInvitationController(InvitationDirectory directory, Brands brands) {
		this.directory = directory;
		this.brands = brands;
	}

	// Batched: a page of brands costs one statement for their invitations, not one per brand.
	@BatchMapping(typeName = "Brand")
	Mono<Map<Brand, List<BrandInvitation>>> invitations(List<Brand> batch) {
		return directory.ofBrands(batch);
	}

	@SchemaMapping(typeName = "Viewer")
	Mono<Connection<BrandInvitation>> brandInvitations(@Argument Integer first, @Argument String after) {
		return Mono.defer(() -> directory.ofViewer(PageRequest.of(first, after)));
	}

	// Batched: a page of invitations costs one statement for their brands.
	@BatchMapping(typeName = "BrandInvitation")
	Mono<Map<BrandInvitation, Brand>> brand(List<BrandInvitation> batch) {
		return brands.findAllById(batch.stream().map(BrandInvitation::brandId).distinct().toList())
				.collectMap(Brand::id, Function.identity())
				.map(byId -> batch.stream().collect(Collectors.toMap(Function.identity(),
						invitation -> byId.get(invitation.brandId()), (a, b) -> a)));
	}
}
