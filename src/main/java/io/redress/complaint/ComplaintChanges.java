package io.redress.complaint;

import java.util.List;
import java.util.function.Function;

import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.security.CurrentViewer;
import io.redress.shared.ForbiddenException;
import io.redress.shared.GlobalId;
import io.redress.shared.NotFoundException;
import io.redress.shared.UserError;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * How every change to a filed complaint runs: signed-in caller, complaint locked for the transaction, the
 * {@link ComplaintStateMachine}'s decision, the change and its events written together, and the complaint re-read
 * as the caller may see it.
 */
@Component
class ComplaintChanges {

	private final ComplaintAccess access;
	private final Complaints complaints;
	private final EventLog events;
	private final TransactionalOperator tx;
	private final Deadlines deadlines;

	ComplaintChanges(ComplaintAccess access, Complaints complaints, EventLog events, TransactionalOperator tx,
			Deadlines deadlines) {
		this.access = access;
		this.complaints = complaints;
		this.events = events;
		this.tx = tx;
		this.deadlines = deadlines;
	}

	/**
	 * Takes {@code action} on the complaint in one transaction: {@code work} runs only when the lifecycle allows it;
	 * a state that does not allow it answers {@code refused} with the user error, a caller who may not take it
	 * FORBIDDEN, and a complaint the caller may not read NOT_FOUND.
	 */
	<T> Mono<T> take(String complaintId, ComplaintAction action, Function<List<UserError>, T> refused,
			Function<LifecycleStep, Mono<T>> work) {
		return CurrentViewer.required()
				.then(Mono.justOrEmpty(GlobalId.decode(complaintId, Complaint.TYPE))
						.switchIfEmpty(Mono.error(() -> new NotFoundException("Complaint"))))
				.flatMap(id -> tx.transactional(access.lockedParticipation(id).flatMap(participation -> {
					Decision decision = ComplaintStateMachine.decide(participation.complaint().status(), action,
							Actor.of(participation));
					if (decision instanceof Decision.Forbidden forbidden) {
						return Mono.error(new ForbiddenException(forbidden.message()));
					}
					if (decision instanceof Decision.Refused refusal) {
						return Mono.just(refused.apply(List.of(UserError.of("complaintId", refusal.code(),
								refusal.message()))));
					}
					return work.apply(new LifecycleStep(participation, (Transition) decision));
				})));
	}

	/** As {@link #take}, for the complaint mutations. */
	Mono<ComplaintPayload> change(String complaintId, ComplaintAction action,
			Function<LifecycleStep, Mono<ComplaintPayload>> work) {
		return take(complaintId, action, ComplaintPayload::failed, work);
	}

	/** Makes the step's transition and appends its events, then re-reads the complaint as the caller sees it. */
	Mono<ComplaintPayload> complete(LifecycleStep step, ComplaintEventType... happened) {
		return move(step).thenMany(Flux.fromArray(happened).concatMap(type -> event(type, step.complaint())))
				.then(access.participation(step.complaint().id()))
				.map(reread -> ComplaintPayload.ok(reread.complaint()));
	}

	Mono<Void> move(LifecycleStep step) {
		return move(step.complaint(), step.transition(), step.participation().viewer().subject());
	}

	Mono<Void> move(Complaint complaint, Transition transition) {
		return move(complaint, transition, null);
	}

	/**
	 * Writes the transition's new status, and stamps the brand's first response with its event when the transition
	 * is the brand's first (with who sent it, {@code by}); one that changes neither writes nothing. A resolution
	 * schedules its follow-up.
	 */
	private Mono<Void> move(Complaint complaint, Transition transition, String by) {
		boolean firstResponse = transition.brandResponse() && complaint.firstResponseAt() == null;
		if (!transition.changesStatus() && !firstResponse) {
			return Mono.empty();
		}
		Mono<Void> moved = complaints.updateState(complaint.id(), transition.to(), firstResponse, by);
		if (transition.changesStatus() && transition.to() == ComplaintStatus.RESOLVED) {
			moved = moved.then(deadlines.scheduleFollowUp(complaint.id()));
		}
		return firstResponse ? moved.then(event(ComplaintEventType.FIRST_RESPONSE_RECORDED, complaint)) : moved;
	}

	Mono<Void> event(ComplaintEventType type, Complaint complaint) {
		return events.append(NewEvent.about(type, complaint.brandId(), complaint.id(), complaint.consumerId(),
				type.visibility()));
	}
}
