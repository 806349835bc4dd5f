package io.redress.complaint;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import io.redress.account.Profile;
import io.redress.brand.Brand;
import io.redress.brand.BrandDirectory;
import io.redress.shared.Connection;
import io.redress.shared.GlobalId;
import io.redress.shared.PageRequest;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** Maps the {@code Complaint} type, the complaint queries and the complaint fields of other types. */
@Controller
class ComplaintController {

	private static final String BRAND_PAGES = "brandComplaints";

	private final ComplaintDirectory directory;
	private final BrandDirectory brands;

	ComplaintController(ComplaintDirectory directory, BrandDirectory brands, BatchLoaderRegistry loaders) {
		this.directory = directory;
		this.brands = brands;
		// Brand.complaints takes arguments, which @BatchMapping cannot pass: a keyed loader batches it instead, one
		// statement per distinct set of arguments in a request however many brands ask.
		loaders.<BrandPageKey, Connection<Complaint>>forName(BRAND_PAGES).registerMappedBatchLoader((keys, env) ->
				Flux.fromIterable(keys.stream().collect(Collectors.groupingBy(BrandPageKey::arguments)).entrySet())
						.concatMap(group -> directory.ofBrands(group.getValue().stream().map(BrandPageKey::brandId)
								.collect(Collectors.toSet()), group.getKey().query(), group.getKey().page())
								.flatMapIterable(byBrand -> group.getValue().stream()
										.map(key -> Map.entry(key, byBrand.get(key.brandId()))).toList()))
						.collectMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@QueryMapping
	Mono<Complaint> complaint(@Argument String id) {
		return Mono.justOrEmpty(GlobalId.decode(id, Complaint.TYPE)).flatMap(directory::byId);
	}

	@QueryMapping
	Mono<Connection<Complaint>> complaints(@Argument Integer first, @Argument String after,
			@Argument ComplaintFilter filter) {
		return Mono.defer(() -> directory.feed(PageRequest.of(first, after), filter));
	}

	@SchemaMapping(typeName = "Brand")
	CompletableFuture<Connection<Complaint>> complaints(Brand brand, @Argument Integer first, @Argument String after,
			@Argument ComplaintStatus status, DataFetchingEnvironment environment) {
		PageRequest page = PageRequest.of(first, after);
		DataLoader<BrandPageKey, Connection<Complaint>> loader = environment.getDataLoader(BRAND_PAGES);
		return loader.load(new BrandPageKey(brand.id(), directory.brandQuery(status, page), page));
	}

	@SchemaMapping(typeName = "Viewer")
	Mono<Connection<Complaint>> complaints(Profile viewer, @Argument Integer first, @Argument String after) {
		return Mono.defer(() -> directory.ofViewer(viewer, PageRequest.of(first, after)));
	}

	// Complaint's id, author and description are plain fields: ComplaintFields.

	// Relations are batched: a page of complaints costs one statement per relation, not one per complaint.
	@BatchMapping(typeName = "Complaint")
	Mono<Map<Complaint, Brand>> brand(List<Complaint> complaints) {
		return brands.byIds(complaints.stream().map(Complaint::brandId).distinct().toList())
				.collectMap(Brand::id, Function.identity())
				.map(byId -> complaints.stream().collect(Collectors.toMap(Function.identity(),
						complaint -> byId.get(complaint.brandId()), (a, b) -> a)));
	}

	@BatchMapping(typeName = "Complaint")
	Mono<Map<Complaint, Proposal>> resolution(List<Complaint> complaints) {
		return directory.resolutions(complaints);
	}

	@BatchMapping(typeName = "Complaint")
	Mono<Map<Complaint, Rating>> rating(List<Complaint> complaints) {
		return directory.ratings(complaints);
	}

	/** One brand's page of complaints: the brand, and the arguments it shares with every brand asking alike. */
	record BrandPageKey(long brandId, ComplaintQuery query, PageRequest page) {

		BrandPageArguments arguments() {
			return new BrandPageArguments(query, page);
		}
	}

	/** A brand page's arguments: status and keyset position, and the page size. */
	record BrandPageArguments(ComplaintQuery query, PageRequest page) {
	}

	/** The consumer as the public sees them: a pseudonym, never an e-mail or a real name they did not choose. */
	record ComplaintAuthor(String publicName) {
	}
}
