package io.redress.brand;

import io.redress.shared.NodeLookup;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Brands are public, so {@code node(id:)} finds any of them. */
@Component
class BrandNodeLookup implements NodeLookup {

	private final BrandDirectory directory;

	BrandNodeLookup(BrandDirectory directory) {
		this.directory = directory;
	}

	@Override
	public String typeName() {
		return Brand.TYPE;
	}

	@Override
	public Mono<Brand> find(long id) {
		return directory.byId(id);
	}
}
