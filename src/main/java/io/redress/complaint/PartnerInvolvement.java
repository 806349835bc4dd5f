package io.redress.complaint;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.redress.brand.Brand;
import io.redress.brand.BrandDirectory;
import io.redress.brand.BrandManagement;
import io.redress.brand.BrandPayload;
import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.shared.InputCheck;
import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import static io.redress.complaint.ComplaintAction.DECLINE_PARTNER_INVOLVEMENT;
import static io.redress.complaint.ComplaintAction.INVOLVE_PARTNER;

/**
 * Partners in the case. The brand's team brings another brand into an active complaint (an unclaimed one is created
 * as when filing); the partner's members then read the case and post in it as the partner, until the partner
 * declines. The complaint stays the filed-against brand's, and counts for its score alone.
 */
@Service
class PartnerInvolvement {

	/** Partners one complaint may have had, declined ones included. */
	static final int MAX_PARTNERS = 10;
	static final int MAX_NOTE = 2000;

	private final ComplaintChanges changes;
	private final ComplaintPartners partners;
	private final BrandDirectory brands;
	private final BrandManagement brandManagement;
	private final EventLog events;

	PartnerInvolvement(ComplaintChanges changes, ComplaintPartners partners, BrandDirectory brands,
			BrandManagement brandManagement, EventLog events) {
		this.changes = changes;
		this.partners = partners;
		this.brands = brands;
		this.brandManagement = brandManagement;
		this.events = events;
	}

	Mono<ComplaintPayload> involve(InvolvePartnerInput input) {
		return changes.change(input.complaintId(), INVOLVE_PARTNER, step -> {
			InputCheck check = new InputCheck().optionalText("note", input.note(), MAX_NOTE);
			if ((input.partnerBrandSlug() == null) == (input.newPartner() == null)) {
				check.add(UserError.of("partnerBrandSlug", "INVALID",
						"Give either partnerBrandSlug or newPartner, not both or neither"));
			}
			if (check.failed()) {
				return Mono.just(ComplaintPayload.failed(check.errors()));
			}
			return partner(input).flatMap(found -> found.brand() == null
					? Mono.just(ComplaintPayload.failed(found.userErrors()))
					: involve(step, found.brand(), input.note() == null ? null : input.note().strip(),
							input.partnerBrandSlug() != null ? "partnerBrandSlug" : "newPartner"));
		});
	}

	private Mono<ComplaintPayload> involve(LifecycleStep step, Brand partner, String note, String field) {
		Complaint complaint = step.complaint();
		if (partner.id() == complaint.brandId()) {
			return Mono.just(ComplaintPayload.failed(field, "PARTNER_IS_THE_BRAND",
					"The complaint is against " + partner.name() + " already; a partner is another brand"));
		}
		return partners.count(complaint.id()).flatMap(count -> count >= MAX_PARTNERS
				? Mono.just(ComplaintPayload.failed(field, "TOO_MANY_PARTNERS",
						"A complaint may have at most " + MAX_PARTNERS + " partners"))
				: partners.involve(complaint.id(), partner.id(), complaint.brandId(), note)
						.flatMap(joined -> events.append(event(ComplaintEventType.PARTNER_INVOLVED, complaint, partner.id()))
								.then(changes.complete(step)))
						.switchIfEmpty(Mono.fromSupplier(() -> ComplaintPayload.failed(field,
								"ALREADY_INVOLVED", partner.name() + " is already involved in this case"))));
	}

	Mono<ComplaintPayload> decline(DeclinePartnerInvolvementInput input) {
		return changes.change(input.complaintId(), DECLINE_PARTNER_INVOLVEMENT, step -> {
			InputCheck check = new InputCheck().requiredText("reason", input.reason(), MAX_NOTE);
			if (check.failed()) {
				return Mono.just(ComplaintPayload.failed(check.errors()));
			}
			long partner = step.participation().partnerBrandId();
			return partners.decline(step.complaint().id(), partner, input.reason().strip())
					.then(events.append(event(ComplaintEventType.PARTNER_DECLINED, step.complaint(), partner)))
					.then(changes.complete(step));
		});
	}

	/** The partners of each complaint of a batch, as its reader may see them: one statement. */
	Mono<Map<Complaint, List<ComplaintPartner>>> of(List<Complaint> complaints) {
		Map<Long, Complaint> byId = complaints.stream()
				.collect(Collectors.toMap(Complaint::id, Function.identity(), (a, b) -> a));
		return partners.ofComplaints(byId.keySet())
				.filter(partner -> byId.get(partner.complaintId()).participant()
						|| partner.status() == ComplaintPartner.Status.INVOLVED)
				.map(partner -> byId.get(partner.complaintId()).participant() ? partner : partner.publicView())
				.collectMultimap(partner -> byId.get(partner.complaintId()))
				.map(found -> complaints.stream().distinct().collect(Collectors.toMap(Function.identity(),
						complaint -> List.copyOf(found.getOrDefault(complaint, List.of())))));
	}

	private Mono<BrandPayload> partner(InvolvePartnerInput input) {
		if (input.partnerBrandSlug() != null) {
			return brands.bySlug(input.partnerBrandSlug()).map(brand -> new BrandPayload(brand, List.of()))
					.defaultIfEmpty(new BrandPayload(null, List.of(UserError.of("partnerBrandSlug", "UNKNOWN_PARTNER",
							"No brand has this slug; name a brand not on Redress yet with newPartner"))));
		}
		return brandManagement.findOrCreateUnclaimed(input.newPartner().name(), input.newPartner().website(),
				"newPartner.");
	}

	private static NewEvent event(ComplaintEventType type, Complaint complaint, long partnerBrandId) {
		return NewEvent.about(type, complaint.brandId(), complaint.id(), complaint.consumerId(), type.visibility())
				.with("partnerBrandId", partnerBrandId);
	}
}
