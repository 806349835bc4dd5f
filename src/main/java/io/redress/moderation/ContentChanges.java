package io.redress.moderation;

import io.redress.complaint.ComplaintModeration;
import io.redress.thread.MessageModeration;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What a moderation step does to the flagged content, through the methods of the module that owns it, and the line
 * it writes in the brand's public ledger when the content is a complaint. Each answers the text as it was before.
 */
@Component
class ContentChanges {

	private final ComplaintModeration complaints;
	private final MessageModeration messages;
	private final Ledger ledger;

	ContentChanges(ComplaintModeration complaints, MessageModeration messages, Ledger ledger) {
		this.complaints = complaints;
		this.messages = messages;
		this.ledger = ledger;
	}

	Mono<Void> hide(Flag flag) {
		return isComplaint(flag)
				? complaints.hide(flag.targetId()).then(ledger.append(flag, LedgerEntry.Action.HELD, null))
				: messages.hide(flag.targetId()).then();
	}

	/** Shown again after a review that kept it. */
	Mono<String> release(Flag flag, String reason) {
		return isComplaint(flag)
				? complaints.release(flag.targetId()).then(ledger.append(flag, LedgerEntry.Action.RELEASED, reason))
						.thenReturn("")
				: messages.release(flag.targetId()).thenReturn("");
	}

	/** The text replaced; the original is answered for the audit trail. */
	Mono<String> redact(Flag flag, String text, String reason) {
		if (!isComplaint(flag)) {
			return messages.redact(flag.targetId(), text);
		}
		Mono<String> redacted = complaints.redact(flag.targetId(), text).map(before -> before.description());
		return flag.hidden() ? redacted.flatMap(original -> ledger.append(flag, LedgerEntry.Action.RELEASED, reason)
				.thenReturn(original)) : redacted;
	}

	Mono<String> remove(Flag flag, String reason) {
		return isComplaint(flag)
				? complaints.remove(flag.targetId()).then(ledger.append(flag, LedgerEntry.Action.REMOVED, reason))
						.thenReturn("")
				: messages.remove(flag.targetId()).thenReturn("");
	}

	/** Back as it was: public, with its original text when it had been redacted. */
	Mono<Void> reinstate(Flag flag, String originalText, boolean wasRemoved, String reason) {
		if (!isComplaint(flag)) {
			return messages.reinstate(flag.targetId(), originalText).then();
		}
		Mono<Void> reinstated = complaints.reinstate(flag.targetId(), originalText).then();
		return wasRemoved ? reinstated.then(ledger.append(flag, LedgerEntry.Action.REINSTATED, reason)) : reinstated;
	}

	private static boolean isComplaint(Flag flag) {
		return flag.targetKind() == Flag.TargetKind.COMPLAINT;
	}
}
