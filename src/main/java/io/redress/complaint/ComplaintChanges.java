package io.redress.complaint;

import java.util.function.Function;

import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.realtime.Visibility;
import io.redress.security.CurrentViewer;
import io.redress.shared.ForbiddenException;
import io.redress.shared.GlobalId;
import io.redress.shared.NotFoundException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * How every lifecycle change runs: signed-in caller, complaint locked for the transaction, the change and its
 * events written together, and the complaint re-read as the caller may see it.
 */
@Component
class ComplaintChanges {

	private final ComplaintAccess access;
	private final EventLog events;
	private final TransactionalOperator tx;

	ComplaintChanges(ComplaintAccess access, EventLog events, TransactionalOperator tx) {
		this.access = access;
		this.events = events;
		this.tx = tx;
	}

	Mono<ComplaintPayload> change(String complaintId, Function<Participation, Mono<ComplaintPayload>> action) {
		return CurrentViewer.required()
				.then(Mono.justOrEmpty(GlobalId.decode(complaintId, Complaint.TYPE))
						.switchIfEmpty(Mono.error(() -> new NotFoundException("Complaint"))))
				.flatMap(id -> tx.transactional(access.lockedParticipation(id).flatMap(action)));
	}

	/** The complaint after the change, as the caller sees it. */
	Mono<ComplaintPayload> reread(Participation participation) {
		return access.participation(participation.complaint().id())
				.map(reread -> ComplaintPayload.ok(reread.complaint()));
	}

	Mono<Void> event(String type, Complaint complaint, Visibility visibility) {
		return events.append(NewEvent.about(type, complaint.brandId(), complaint.id(), complaint.consumerId(),
				visibility));
	}

	static Mono<Participation> consumerOnly(Participation participation) {
		return participation.isConsumer() ? Mono.just(participation)
				: Mono.error(new ForbiddenException("Only the consumer who filed the complaint may do this"));
	}

	static Mono<Participation> brandWorkerOnly(Participation participation) {
		return participation.worksForBrand() ? Mono.just(participation)
				: Mono.error(new ForbiddenException("Only the brand's team may do this"));
	}

	static ComplaintPayload wrongState(Complaint complaint, String action) {
		return ComplaintPayload.failed("complaintId", "INVALID_STATE",
				"The complaint is " + complaint.status() + " and cannot be " + action);
	}
}
