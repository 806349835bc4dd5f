package io.redress.complaint;

import java.util.function.Function;

import io.redress.shared.GlobalId;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * What a moderator's ruling, or a signal's hold, does to a complaint, for the moderation module. A hold is Redress's
 * own {@link ComplaintAction#HOLD}; every other change is the lifecycle's
 * {@link ComplaintAction#MODERATE} (moderators only, in any state, never the complaint's consumer or the brand's
 * members), runs in the caller's transaction with the complaint locked, writes {@code COMPLAINT_MODERATED}, and
 * answers the complaint as it was before, whole, so the caller can keep the original text.
 */
@Service
public class ComplaintModeration {

	private final ComplaintChanges changes;
	private final Complaints complaints;

	ComplaintModeration(ComplaintChanges changes, Complaints complaints) {
		this.changes = changes;
		this.complaints = complaints;
	}

	/**
	 * Held under review by Redress itself, for a signal of fake reviews: still public, marked HELD, out of the score
	 * until a moderator rules. Needs no signed-in caller and takes the complaint's lock in the caller's transaction;
	 * a complaint already held, hidden or removed stays as it is and no event is written. Answers it as it was.
	 */
	public Mono<Complaint> hold(long complaintId) {
		return complaints.lock(complaintId).flatMap(before -> {
			Decision decision = ComplaintStateMachine.decide(before.status(), ComplaintAction.HOLD, Actor.SYSTEM);
			if (!(decision instanceof Transition) || before.moderation() != null) {
				return Mono.just(before);
			}
			return complaints.moderate(complaintId, ModerationStatus.HELD, before.writtenDescription(), before.redacted())
					.then(changes.event(ComplaintEventType.COMPLAINT_MODERATED, before))
					.thenReturn(before);
		});
	}

	/** Out of public view and out of the score while a moderator reviews it; a removed complaint stays removed. */
	public Mono<Complaint> hide(long complaintId) {
		return change(complaintId, before -> new Change(before.moderation() == ModerationStatus.REMOVED
				? ModerationStatus.REMOVED : ModerationStatus.HIDDEN, before.writtenDescription(), before.redacted()));
	}

	/**
	 * Back in public view (and the score) after a review that kept it, whether it was hidden or held; a removed
	 * complaint stays removed.
	 */
	public Mono<Complaint> release(long complaintId) {
		return change(complaintId, before -> new Change(before.moderation() == ModerationStatus.REMOVED
				? ModerationStatus.REMOVED : null, before.writtenDescription(), before.redacted()));
	}

	/**
	 * Back in the score after a moderator kept a complaint a signal held; one hidden or removed in the meantime stays
	 * as it is.
	 */
	public Mono<Complaint> endHold(long complaintId) {
		return change(complaintId, before -> new Change(before.moderation() == ModerationStatus.HELD ? null
				: before.moderation(), before.writtenDescription(), before.redacted()));
	}

	/** Out of public view and out of the score for good (unless an appeal reinstates it). */
	public Mono<Complaint> remove(long complaintId) {
		return change(complaintId,
				before -> new Change(ModerationStatus.REMOVED, before.writtenDescription(), before.redacted()));
	}

	/** Back in public view and the score, its original description restored when it had been redacted. */
	public Mono<Complaint> reinstate(long complaintId, String originalDescription) {
		return change(complaintId, before -> new Change(null,
				originalDescription == null ? before.writtenDescription() : originalDescription,
				originalDescription == null && before.redacted()));
	}

	/** The description replaced by {@code text}; the complaint is public again if it was hidden for review. */
	public Mono<Complaint> redact(long complaintId, String text) {
		return change(complaintId, before -> new Change(before.moderation() == ModerationStatus.REMOVED
				? ModerationStatus.REMOVED : null, text, true));
	}

	private Mono<Complaint> change(long complaintId, Function<Complaint, Change> change) {
		return changes.take(GlobalId.encode(Complaint.TYPE, complaintId), ComplaintAction.MODERATE,
				errors -> {
					throw new IllegalStateException("Moderation is allowed in every state: " + errors);
				},
				step -> {
					Complaint before = step.complaint();
					Change after = change.apply(before);
					return complaints.moderate(complaintId, after.moderation(), after.description(), after.redacted())
							.then(changes.event(ComplaintEventType.COMPLAINT_MODERATED, before))
							.thenReturn(before);
				});
	}

	private record Change(ModerationStatus moderation, String description, boolean redacted) {
	}
}
