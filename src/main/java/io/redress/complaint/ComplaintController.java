package io.redress.complaint;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.redress.brand.Brand;
import io.redress.brand.BrandDirectory;
import io.redress.shared.Connection;
import io.redress.shared.GlobalId;
import io.redress.shared.PageRequest;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps the {@code Complaint} type, the complaint queries and the complaint fields of other types. */
@Controller
class ComplaintController {

	private final ComplaintDirectory directory;
	private final BrandDirectory brands;

	ComplaintController(ComplaintDirectory directory, BrandDirectory brands) {
		this.directory = directory;
		this.brands = brands;
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
	Mono<Connection<Complaint>> complaints(Brand brand, @Argument Integer first, @Argument String after,
			@Argument ComplaintStatus status) {
		return Mono.defer(() -> directory.ofBrand(brand.id(), PageRequest.of(first, after), status));
	}

	@SchemaMapping(typeName = "Viewer")
	Mono<Connection<Complaint>> complaints(@Argument Integer first, @Argument String after) {
		return Mono.defer(() -> directory.ofViewer(PageRequest.of(first, after)));
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

	/** The consumer as the public sees them: a pseudonym, never an e-mail or a real name they did not choose. */
	record ComplaintAuthor(String publicName) {
	}
}
