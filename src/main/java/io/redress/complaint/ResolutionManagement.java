package io.redress.complaint;

import java.time.OffsetDateTime;

import io.redress.complaint.LifecycleInputs.AcceptResolution;
import io.redress.complaint.LifecycleInputs.ProposeResolution;
import io.redress.complaint.LifecycleInputs.RejectResolution;
import io.redress.realtime.Visibility;
import io.redress.shared.InputCheck;
import io.redress.shared.UserError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/** Proposals and their answers: the brand proposes, the consumer accepts or rejects, silence accepts after 14 days. */
@Service
public class ResolutionManagement {

	static final int MAX_SUMMARY = 2000;
	static final int MAX_REASON = 2000;

	private final ComplaintChanges changes;
	private final Complaints complaints;
	private final Proposals proposals;

	ResolutionManagement(ComplaintChanges changes, Complaints complaints, Proposals proposals) {
		this.changes = changes;
		this.complaints = complaints;
		this.proposals = proposals;
	}

	public Mono<ComplaintPayload> propose(ProposeResolution input) {
		return changes.change(input.complaintId(), participation -> ComplaintChanges.brandWorkerOnly(participation)
				.flatMap(brandSide -> {
					Complaint complaint = brandSide.complaint();
					if (complaint.status() == ComplaintStatus.RESOLUTION_PROPOSED) {
						return Mono.just(ComplaintPayload.failed("complaintId", "PROPOSAL_PENDING",
								"A proposal is waiting for the consumer's answer"));
					}
					if (complaint.status() != ComplaintStatus.OPEN && complaint.status() != ComplaintStatus.IN_PROGRESS) {
						return Mono.just(ComplaintChanges.wrongState(complaint, "given a proposal"));
					}
					InputCheck check = new InputCheck().requiredText("summary", input.summary(), MAX_SUMMARY);
					if (input.dueAt() != null && input.dueAt().isBefore(OffsetDateTime.now())) {
						check.add(UserError.of("dueAt", "INVALID", "dueAt must be in the future"));
					}
					if (check.failed()) {
						return Mono.just(ComplaintPayload.failed(check.errors()));
					}
					return proposals.insert(complaint.id(), complaint.brandId(), input.kind(), input.summary().strip(),
							input.dueAt(), brandSide.viewer().subject())
							.then(complaints.updateState(complaint.id(), ComplaintStatus.RESOLUTION_PROPOSED, true))
							.then(changes.event("RESOLUTION_PROPOSED", complaint, Visibility.PUBLIC))
							.then(changes.reread(brandSide));
				}));
	}

	public Mono<ComplaintPayload> accept(AcceptResolution input) {
		return changes.change(input.complaintId(), participation -> ComplaintChanges.consumerOnly(participation)
				.flatMap(consumer -> {
					Complaint complaint = consumer.complaint();
					if (complaint.status() != ComplaintStatus.RESOLUTION_PROPOSED) {
						return Mono.just(ComplaintChanges.wrongState(complaint, "accepted"));
					}
					return resolve(complaint, Proposal.Status.ACCEPTED).then(changes.reread(consumer));
				}));
	}

	public Mono<ComplaintPayload> reject(RejectResolution input) {
		return changes.change(input.complaintId(), participation -> ComplaintChanges.consumerOnly(participation)
				.flatMap(consumer -> {
					Complaint complaint = consumer.complaint();
					if (complaint.status() != ComplaintStatus.RESOLUTION_PROPOSED) {
						return Mono.just(ComplaintChanges.wrongState(complaint, "rejected"));
					}
					InputCheck check = new InputCheck().requiredText("reason", input.reason(), MAX_REASON);
					if (check.failed()) {
						return Mono.just(ComplaintPayload.failed(check.errors()));
					}
					return proposals.answer(complaint.id(), Proposal.Status.REJECTED, input.reason().strip())
							.then(complaints.updateState(complaint.id(), ComplaintStatus.IN_PROGRESS, false))
							.then(changes.event("RESOLUTION_REJECTED", complaint, Visibility.PUBLIC))
							.then(changes.reread(consumer));
				}));
	}

	/**
	 * Accepts an expired proposal on the consumer's behalf, inside the caller's transaction. Empty when the
	 * complaint no longer waits on a proposal (the consumer answered in the meantime).
	 */
	public Mono<Complaint> assumeAccepted(long complaintId) {
		return complaints.lock(complaintId)
				.filter(complaint -> complaint.status() == ComplaintStatus.RESOLUTION_PROPOSED)
				.flatMap(complaint -> resolve(complaint, Proposal.Status.ASSUMED_ACCEPTED).thenReturn(complaint));
	}

	/** Complaints whose proposal has waited longer than {@link Proposal#ANSWER_WINDOW}, oldest first. */
	public Flux<Long> expiredProposals(int limit) {
		return proposals.expired((int) Proposal.ANSWER_WINDOW.toDays(), limit);
	}

	private Mono<Void> resolve(Complaint complaint, Proposal.Status answer) {
		return proposals.answer(complaint.id(), answer, null)
				.then(complaints.updateState(complaint.id(), ComplaintStatus.RESOLVED, false))
				.then(changes.event("RESOLUTION_ACCEPTED", complaint, Visibility.PUBLIC))
				.then(changes.event("COMPLAINT_RESOLVED", complaint, Visibility.PUBLIC));
	}
}
