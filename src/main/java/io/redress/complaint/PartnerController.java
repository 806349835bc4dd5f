package io.redress.complaint;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.redress.brand.Brand;
import io.redress.brand.BrandDirectory;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Maps partners in the case: the two mutations, {@code Complaint.partners} and {@code ComplaintPartner.brand}. */
@Controller
class PartnerController {

	private final PartnerInvolvement involvement;
	private final BrandDirectory brands;

	PartnerController(PartnerInvolvement involvement, BrandDirectory brands) {
		this.involvement = involvement;
		this.brands = brands;
	}

	@MutationMapping
	Mono<ComplaintPayload> involvePartner(@Argument InvolvePartnerInput input) {
		return involvement.involve(input);
	}

	@MutationMapping
	Mono<ComplaintPayload> declinePartnerInvolvement(@Argument DeclinePartnerInvolvementInput input) {
		return involvement.decline(input);
	}

	// Batched: a page of complaints costs one statement for their partners and one for the partners' brands.
	@BatchMapping(typeName = "Complaint")
	Mono<Map<Complaint, List<ComplaintPartner>>> partners(List<Complaint> complaints) {
		return involvement.of(complaints);
	}

	@BatchMapping(typeName = "ComplaintPartner")
	Mono<Map<ComplaintPartner, Brand>> brand(List<ComplaintPartner> partners) {
		return brands.byIds(partners.stream().map(ComplaintPartner::partnerBrandId).distinct().toList())
				.collectMap(Brand::id, Function.identity())
				.map(byId -> partners.stream().collect(Collectors.toMap(Function.identity(),
						partner -> byId.get(partner.partnerBrandId()), (a, b) -> a)));
	}
}
