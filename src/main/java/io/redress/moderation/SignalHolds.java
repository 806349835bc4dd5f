package io.redress.moderation;

import io.redress.complaint.ComplaintModeration;
import io.redress.moderation.SignalMatches.Suspect;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * What a signal's hit does, inside the caller's transaction: a flag asked by the {@code PLATFORM} naming the rule,
 * with the rule's public description as its note; the complaint HELD through the complaint module (public, marked,
 * out of the score); a HELD line in the brand's ledger with that description; and the events a flag writes. Once per
 * rule and complaint, ever: the flag's unique index makes a second hit (the same event applied again, another node,
 * or the same rule after a moderator kept the complaint) do nothing.
 */
@Component
class SignalHolds {

	/** Who acted, in a signal flag's audit trail. */
	static final String ACTOR = "redress:signals";

	private final Flags flags;
	private final ComplaintModeration complaints;
	private final Ledger ledger;
	private final ModerationNotices notices;

	SignalHolds(Flags flags, ComplaintModeration complaints, Ledger ledger, ModerationNotices notices) {
		this.flags = flags;
		this.complaints = complaints;
		this.ledger = ledger;
		this.notices = notices;
	}

	/** Holds the complaint for the rule; empty when the rule flagged it before. */
	Mono<Flag> hold(SignalRule rule, Suspect suspect, String description) {
		return flags.insertSignal(rule, suspect.complaintId(), suspect.brandId(), suspect.consumerId(), description)
				.flatMap(flags::findById)
				.flatMap(flag -> flags.record(new FlagHistoryEntry(flag.id(), FlagHistoryEntry.Action.FLAGGED, ACTOR,
						null, null, null, null, null, null))
						.then(notices.record(ModerationEventType.FLAG_RAISED, flag))
						.then(complaints.hold(suspect.complaintId()))
						// Already held by another rule, hidden or removed: its standing, and so the ledger, is unchanged.
						.flatMap(before -> before.moderation() != null ? Mono.<Void>empty()
								: ledger.append(flag, LedgerEntry.Action.HELD, description))
						.thenReturn(flag));
	}
}
