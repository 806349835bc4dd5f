package io.redress.moderation;

import java.util.List;

import io.redress.complaint.Complaint;
import io.redress.complaint.ComplaintModeration;
import io.redress.complaint.ModerationStatus;
import io.redress.thread.MessageModeration;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What a moderation step does to the flagged content, through the methods of the module that owns it, and the line
 * it writes in the brand's public ledger when a complaint's standing changes (a complaint already removed by another
 * flag's ruling stays removed, and its ledger with it; one a signal still holds stays held).
 */
@Component
class ContentChanges {

	private final ComplaintModeration complaints;
	private final MessageModeration messages;
	private final Ledger ledger;
	private final Flags flags;

	ContentChanges(ComplaintModeration complaints, MessageModeration messages, Ledger ledger, Flags flags) {
		this.complaints = complaints;
		this.messages = messages;
		this.ledger = ledger;
		this.flags = flags;
	}

	Mono<Void> hide(Flag flag) {
		if (!isComplaint(flag)) {
			return messages.hide(flag.targetId()).then();
		}
		return complaints.hide(flag.targetId())
				.flatMap(before -> before.moderation() == ModerationStatus.REMOVED ? Mono.empty()
						: ledger.append(flag, LedgerEntry.Action.HELD, null));
	}

	/** Shown again after a review that kept it. */
	Mono<String> release(Flag flag, String reason) {
		if (!isComplaint(flag)) {
			return messages.release(flag.targetId()).thenReturn("");
		}
		return complaints.release(flag.targetId()).flatMap(before -> released(flag, before, reason))
				.then(stillSignalled(flag)).thenReturn("");
	}

	/**
	 * A signal's hold ends after a review that kept the complaint: back in the score, a RELEASED line in the ledger;
	 * held again at once if another signal's flag still waits. The check runs with the complaint locked, so two
	 * moderators keeping two signals at once end with the complaint released.
	 */
	Mono<Void> endHold(Flag flag, String reason) {
		return complaints.endHold(flag.targetId()).flatMap(before -> released(flag, before, reason))
				.then(stillSignalled(flag));
	}

	/** The text replaced; the original is answered for the audit trail. */
	Mono<String> redact(Flag flag, String text, String reason) {
		if (!isComplaint(flag)) {
			return messages.redact(flag.targetId(), text);
		}
		return complaints.redact(flag.targetId(), text)
				.flatMap(before -> released(flag, before, reason).then(stillSignalled(flag))
						.thenReturn(before.writtenDescription()));
	}

	Mono<String> remove(Flag flag, String reason) {
		if (!isComplaint(flag)) {
			return messages.remove(flag.targetId()).thenReturn("");
		}
		return complaints.remove(flag.targetId())
				.flatMap(before -> before.moderation() == ModerationStatus.REMOVED ? Mono.<Void>empty()
						: ledger.append(flag, LedgerEntry.Action.REMOVED, reason))
				.thenReturn("");
	}

	/** Back as it was: public, with its original text when it had been redacted. */
	Mono<Void> reinstate(Flag flag, String originalText, String reason) {
		if (!isComplaint(flag)) {
			return messages.reinstate(flag.targetId(), originalText).then();
		}
		return complaints.reinstate(flag.targetId(), originalText)
				.flatMap(before -> before.moderation() == ModerationStatus.REMOVED
						? ledger.append(flag, LedgerEntry.Action.REINSTATED, reason) : Mono.empty());
	}

	/**
	 * A ruling on another flag that made the complaint public and scored again leaves a signal's hold that still waits
	 * for its own ruling: the complaint is held again, and the ledger says so.
	 */
	private Mono<Void> stillSignalled(Flag ruled) {
		return flags.openSignals(List.of(ruled.complaintId())).filter(signal -> signal.id() != ruled.id()).next()
				.flatMap(signal -> complaints.hold(ruled.complaintId())
						.flatMap(before -> before.moderation() != null ? Mono.<Void>empty()
								: ledger.append(signal, LedgerEntry.Action.HELD, signal.note())));
	}

	/** A complaint hidden or held for the review is public and in the score again: the ledger says so. */
	private Mono<Void> released(Flag flag, Complaint before, String reason) {
		return before.moderation() == ModerationStatus.HIDDEN || before.moderation() == ModerationStatus.HELD
				? ledger.append(flag, LedgerEntry.Action.RELEASED, reason) : Mono.empty();
	}

	private static boolean isComplaint(Flag flag) {
		return flag.targetKind() == Flag.TargetKind.COMPLAINT;
	}
}
