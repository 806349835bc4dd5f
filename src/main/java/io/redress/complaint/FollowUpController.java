package io.redress.complaint;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.redress.brand.Brand;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** Maps the follow-ups: each complaint's latest and each brand's aggregate, one statement per page of either. */
@Controller
class FollowUpController {

	private final FollowUps followUps;

	FollowUpController(FollowUps followUps) {
		this.followUps = followUps;
	}

	/** Whether it held is public; the consumer's comment is for the participants. */
	@BatchMapping(typeName = "Complaint")
	Mono<Map<Complaint, FollowUp>> followUp(List<Complaint> complaints) {
		Map<Long, Complaint> byId = complaints.stream()
				.collect(Collectors.toMap(Complaint::id, Function.identity(), (a, b) -> a));
		return followUps.latestOf(byId.keySet()).collectMap(followUp -> byId.get(followUp.complaintId()),
				followUp -> byId.get(followUp.complaintId()).participant() ? followUp : followUp.withoutComment());
	}

	@BatchMapping(typeName = "Brand")
	Mono<Map<Brand, FollowUpSummary>> followUps(List<Brand> brands) {
		Map<Long, Brand> byId = brands.stream().collect(Collectors.toMap(Brand::id, Function.identity(), (a, b) -> a));
		return followUps.summaries(byId.keySet()).collectMap(summary -> byId.get(summary.brandId()), Function.identity());
	}
}
