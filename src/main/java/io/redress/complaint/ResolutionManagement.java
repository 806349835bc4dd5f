package io.redress.complaint;

import java.time.Duration;
import java.time.OffsetDateTime;

import io.redress.complaint.LifecycleInputs.AcceptResolution;
import io.redress.complaint.LifecycleInputs.ProposeResolution;
import io.redress.complaint.LifecycleInputs.RejectResolution;
import io.redress.shared.InputCheck;
import io.redress.shared.UserError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

import static io.redress.complaint.ComplaintAction.ACCEPT_RESOLUTION;
import static io.redress.complaint.ComplaintAction.ASSUME_ACCEPTANCE;
import static io.redress.complaint.ComplaintAction.PROPOSE_RESOLUTION;
import static io.redress.complaint.ComplaintAction.REJECT_RESOLUTION;
import static io.redress.complaint.ComplaintEventType.COMPLAINT_RESOLVED;
import static io.redress.complaint.ComplaintEventType.RESOLUTION_ACCEPTED;
import static io.redress.complaint.ComplaintEventType.RESOLUTION_PROPOSED;
import static io.redress.complaint.ComplaintEventType.RESOLUTION_REJECTED;

/** Proposals and their answers: the brand proposes, the consumer accepts or rejects, silence accepts after 14 days. */
@Service
public class ResolutionManagement {

	/** How long a proposal waits for the consumer's answer before it is accepted on their behalf. */
	public static final Duration ANSWER_WINDOW = Proposal.ANSWER_WINDOW;


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

	Mono<ComplaintPayload> propose(ProposeResolution input) {
		return changes.change(input.complaintId(), PROPOSE_RESOLUTION, step -> {
			InputCheck check = new InputCheck().requiredText("summary", input.summary(), MAX_SUMMARY);
			if (input.dueAt() != null && input.dueAt().isBefore(OffsetDateTime.now())) {
				check.add(UserError.of("dueAt", "INVALID", "dueAt must be in the future"));
			}
			if (check.failed()) {
				return Mono.just(ComplaintPayload.failed(check.errors()));
			}
			Complaint complaint = step.complaint();
			return proposals.insert(complaint.id(), complaint.brandId(), input.kind(), input.summary().strip(),
					input.dueAt(), step.participation().viewer().subject())
					.then(changes.complete(step, RESOLUTION_PROPOSED));
		});
	}

	Mono<ComplaintPayload> accept(AcceptResolution input) {
		return changes.change(input.complaintId(), ACCEPT_RESOLUTION,
				step -> proposals.answer(step.complaint().id(), Proposal.Status.ACCEPTED, null)
						.then(changes.complete(step, RESOLUTION_ACCEPTED, COMPLAINT_RESOLVED)));
	}

	Mono<ComplaintPayload> reject(RejectResolution input) {
		return changes.change(input.complaintId(), REJECT_RESOLUTION, step -> {
			InputCheck check = new InputCheck().requiredText("reason", input.reason(), MAX_REASON);
			if (check.failed()) {
				return Mono.just(ComplaintPayload.failed(check.errors()));
			}
			return proposals.answer(step.complaint().id(), Proposal.Status.REJECTED, input.reason().strip())
					.then(changes.complete(step, RESOLUTION_REJECTED));
		});
	}

	/**
	 * Accepts an expired proposal on the consumer's behalf, inside the caller's transaction. Empty when the
	 * complaint no longer waits on a proposal (the consumer answered in the meantime).
	 */
	public Mono<Complaint> assumeAccepted(long complaintId) {
		return complaints.lock(complaintId).flatMap(complaint -> {
			Decision decision = ComplaintStateMachine.decide(complaint.status(), ASSUME_ACCEPTANCE, Actor.SYSTEM);
			if (!(decision instanceof Transition transition)) {
				return Mono.empty();
			}
			return proposals.answer(complaint.id(), Proposal.Status.ASSUMED_ACCEPTED, null)
					.then(changes.move(complaint, transition))
					.then(changes.event(RESOLUTION_ACCEPTED, complaint))
					.then(changes.event(COMPLAINT_RESOLVED, complaint))
					.thenReturn(complaint);
		});
	}

	/** Complaints whose proposal has waited longer than {@link Proposal#ANSWER_WINDOW}, oldest first. */
	public Flux<Long> expiredProposals(int limit) {
		return proposals.expired((int) Proposal.ANSWER_WINDOW.toDays(), limit);
	}
}
