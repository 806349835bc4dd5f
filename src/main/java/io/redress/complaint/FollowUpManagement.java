package io.redress.complaint;

import java.time.OffsetDateTime;

import io.redress.complaint.LifecycleInputs.AnswerFollowUp;
import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.shared.InputCheck;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The consumer's answer to a follow-up: recorded once; a resolution that did not hold reopens the complaint while
 * the reopen window is open, which the brand learns from {@code FOLLOW_UP_ANSWERED} and {@code COMPLAINT_REOPENED}.
 */
@Service
class FollowUpManagement {

	private final ComplaintChanges changes;
	private final FollowUps followUps;
	private final Ratings ratings;
	private final EventLog events;

	FollowUpManagement(ComplaintChanges changes, FollowUps followUps, Ratings ratings, EventLog events) {
		this.changes = changes;
		this.followUps = followUps;
		this.ratings = ratings;
		this.events = events;
	}

	Mono<ComplaintPayload> answer(AnswerFollowUp input) {
		return changes.change(input.complaintId(), ComplaintAction.ANSWER_FOLLOW_UP, step -> {
			InputCheck check = new InputCheck().optionalText("comment", input.comment(), ComplaintLifecycle.MAX_COMMENT);
			if (check.failed()) {
				return Mono.just(ComplaintPayload.failed(check.errors()));
			}
			Complaint complaint = step.complaint();
			return followUps.lockLatest(complaint.id())
					.flatMap(asked -> asked.answered()
							? Mono.just(ComplaintPayload.failed("complaintId", "ALREADY_ANSWERED",
									"This follow-up is answered; each resolution is followed up once"))
							: record(step, asked, input))
					.switchIfEmpty(Mono.fromSupplier(() -> ComplaintPayload.failed("complaintId", "NO_FOLLOW_UP",
							"No follow-up was asked about this complaint yet")));
		});
	}

	private Mono<ComplaintPayload> record(LifecycleStep step, FollowUp asked, AnswerFollowUp input) {
		Complaint complaint = step.complaint();
		String comment = input.comment() == null ? null : input.comment().strip();
		Mono<Void> answered = followUps.answer(asked, input.held(), comment)
				.then(events.append(NewEvent.about(ComplaintEventType.FOLLOW_UP_ANSWERED, complaint.brandId(),
						complaint.id(), complaint.consumerId(), ComplaintEventType.FOLLOW_UP_ANSWERED.visibility())
						.with("held", input.held())));
		if (input.held() || !reopens(complaint)) {
			return answered.then(changes.complete(step));
		}
		Transition reopen = (Transition) ComplaintStateMachine.decide(complaint.status(), ComplaintAction.REOPEN,
				Actor.CONSUMER);
		return answered.then(ratings.makeRevisable(complaint.id()))
				.then(changes.complete(new LifecycleStep(step.participation(), reopen),
						ComplaintEventType.COMPLAINT_REOPENED));
	}

	/** A resolution that did not hold reopens a complaint still resolved, within the reopen window. */
	private static boolean reopens(Complaint complaint) {
		return complaint.status() == ComplaintStatus.RESOLVED
				&& complaint.resolvedAt().plus(Complaint.REOPEN_WINDOW).isAfter(OffsetDateTime.now());
	}
}
