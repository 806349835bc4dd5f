package io.redress.complaint;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import io.redress.account.Profile;
import io.redress.brand.Brand;
import io.redress.brand.BrandDirectory;
import io.redress.shared.Connection;
import io.redress.shared.GlobalId;
import io.redress.shared.PageRequest;
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

	/** Brand.complaints' keyed loader; the field itself is wired in ComplaintFields. */
	static final String BRAND_PAGES = "brandComplaints";

	/** The data loaders of Complaint.brand and Complaint.rating, for rows whose page did not read them (ComplaintFields). */
	static final String BRANDS = "complaintBrands";

	static final String RATINGS = "complaintRatings";

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
								.collect(Collectors.toSet()), group.getKey().query(), group.getKey().joins(),
								group.getKey().page())
								.flatMapIterable(byBrand -> group.getValue().stream()
										.map(key -> Map.entry(key, byBrand.get(key.brandId()))).toList()))
						.collectMap(Map.Entry::getKey, Map.Entry::getValue));
		// Relations are batched: a page of complaints costs one statement per relation, not one per complaint.
		loaders.<Complaint, Brand>forName(BRANDS).registerMappedBatchLoader((batch, env) -> brands(List.copyOf(batch)));
		loaders.<Complaint, Rating>forName(RATINGS)
				.registerMappedBatchLoader((batch, env) -> directory.ratings(List.copyOf(batch)));
	}

	@QueryMapping
	Mono<Complaint> complaint(@Argument String id) {
		return Mono.justOrEmpty(GlobalId.decode(id, Complaint.TYPE)).flatMap(directory::byId);
	}

	// A page reads the brand and rating of its rows by a join when the query selects them: ComplaintJoins.
	@QueryMapping
	Mono<Connection<Complaint>> complaints(@Argument Integer first, @Argument String after,
			@Argument ComplaintFilter filter, DataFetchingEnvironment environment) {
		return Mono.defer(() -> directory.feed(PageRequest.of(first, after), filter, ComplaintJoins.of(environment)));
	}

	/**
	 * Brand.complaints' arguments, checked, and what its rows read beside them: the same for every brand of a list,
	 * so worked out once for the field (LoadedField).
	 */
	static BrandPageArguments brandPageArguments(DataFetchingEnvironment environment) {
		PageRequest page = PageRequest.of(environment.getArgument("first"), environment.getArgument("after"));
		String status = environment.getArgument("status");
		return new BrandPageArguments(
				ComplaintDirectory.brandQuery(status == null ? null : ComplaintStatus.valueOf(status), page),
				ComplaintJoins.of(environment), page);
	}

	@SchemaMapping(typeName = "Viewer")
	Mono<Connection<Complaint>> complaints(Profile viewer, @Argument Integer first, @Argument String after,
			DataFetchingEnvironment environment) {
		return Mono.defer(() -> directory.ofViewer(viewer, PageRequest.of(first, after), ComplaintJoins.of(environment)));
	}

	// Complaint's id, author, description, brand and rating are plain fields or read by a page: ComplaintFields.

	private Mono<Map<Complaint, Brand>> brands(List<Complaint> complaints) {
		return brands.byIds(complaints.stream().map(Complaint::brandId).distinct().toList())
				.collectMap(Brand::id, Function.identity())
				.map(byId -> complaints.stream().collect(Collectors.toMap(Function.identity(),
						complaint -> byId.get(complaint.brandId()), (a, b) -> a)));
	}

	@BatchMapping(typeName = "Complaint")
	Mono<Map<Complaint, Proposal>> resolution(List<Complaint> complaints) {
		return directory.resolutions(complaints);
	}

	/** One brand's page of complaints: the brand, and the arguments it shares with every brand asking alike. */
	/** Brand.complaints' key for one brand. */
	record BrandPageKey(long brandId, BrandPageArguments arguments) {

		static BrandPageKey of(Brand brand, BrandPageArguments arguments) {
			return new BrandPageKey(brand.id(), arguments);
		}
	}

	/** A brand page's arguments: status and keyset position, what its rows read beside them, and the page size. */
	record BrandPageArguments(ComplaintQuery query, ComplaintJoins joins, PageRequest page) {
	}

	/** The consumer as the public sees them: a pseudonym, never an e-mail or a real name they did not choose. */
	record ComplaintAuthor(String publicName) {
	}
}
