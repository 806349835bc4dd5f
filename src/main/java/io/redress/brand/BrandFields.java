package io.redress.brand;

import graphql.schema.idl.RuntimeWiring;
import io.redress.shared.GlobalId;
import io.redress.shared.PlainField;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** {@code Brand.id}, computed once for each brand of every page: a plain field, not a {@code @SchemaMapping}. */
@Component
class BrandFields implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Brand", type -> type.dataFetcher("id",
				PlainField.<Brand>of(brand -> GlobalId.encode(Brand.TYPE, brand.id()))));
	}
}
