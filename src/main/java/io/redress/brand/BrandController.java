package io.redress.brand;

import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;
import java.util.stream.Collectors;

import io.redress.shared.GlobalId;
import io.redress.shared.Connection;
import io.redress.shared.PageRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps the {@code Brand} type and the brand queries onto {@link BrandDirectory}. */
@Controller
class BrandController {

	private final BrandDirectory directory;

	BrandController(BrandDirectory directory) {
		this.directory = directory;
	}

	@QueryMapping
	Mono<Brand> brand(@Argument String slug) {
		return directory.bySlugShared(slug);
	}

	@QueryMapping
	Mono<Connection<Brand>> brands(@Argument Integer first, @Argument String after, @Argument String search) {
		return Mono.defer(() -> directory.page(PageRequest.of(first, after), search));
	}

	// Relations are batched: a page of brands costs one statement per relation, not one per brand.
	@BatchMapping(typeName = "Brand")
	Mono<Map<Brand, List<BrandMember>>> members(List<Brand> brands) {
		return directory.members(brands);
	}

	@BatchMapping(typeName = "Brand")
	Mono<Map<Brand, String>> description(List<Brand> brands) {
		return directory.descriptions(brands);
	}

	@BatchMapping(typeName = "Brand")
	Mono<Map<Brand, BrandRole>> viewerRole(List<Brand> brands) {
		return directory.viewerRoles(brands);
	}

	@BatchMapping(typeName = "Brand")
	Mono<Map<Brand, Integer>> firstResponseDueSoonHours(List<Brand> brands) {
		return directory.dueSoonLeads(brands).map(leads -> valuesOf(leads, DueSoonLeads::firstResponseHours));
	}

	@BatchMapping(typeName = "Brand")
	Mono<Map<Brand, Integer>> resolutionDueSoonHours(List<Brand> brands) {
		return directory.dueSoonLeads(brands).map(leads -> valuesOf(leads, DueSoonLeads::resolutionHours));
	}

	private static Map<Brand, Integer> valuesOf(Map<Brand, DueSoonLeads> leads, ToIntFunction<DueSoonLeads> value) {
		return leads.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
				entry -> value.applyAsInt(entry.getValue())));
	}

	@BatchMapping(typeName = "Brand")
	Mono<Map<Brand, List<BrandClaim>>> claims(List<Brand> brands) {
		return directory.claims(brands);
	}

	@SchemaMapping(typeName = "BrandClaim")
	String id(BrandClaim claim) {
		return GlobalId.encode(BrandClaim.TYPE, claim.id());
	}

	@SchemaMapping(typeName = "Viewer")
	Flux<BrandMembership> brandMemberships() {
		return directory.viewerMemberships();
	}
}
