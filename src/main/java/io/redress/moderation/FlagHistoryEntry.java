package io.redress.moderation;

import java.time.OffsetDateTime;

import io.redress.security.Viewer;

/**
 * One step of a flag's audit trail, for moderators: who did what and when, the ruling with its public reason, the
 * flagger's or appellant's note, and for a redaction the text that replaced the original and the original itself.
 */
record FlagHistoryEntry(long flagId, Action action, String actor, Ruling ruling, String reason, String note,
		String redactedText, String originalText, OffsetDateTime at) {

	enum Action {
		FLAGGED, HIDDEN, RULED, APPEALED, APPEAL_DECIDED
	}

	/** A step the viewer takes now: the database stamps its time. */
	static FlagHistoryEntry of(Flag flag, Action action, Viewer viewer, Ruling ruling, String reason, String note,
			String redactedText, String originalText) {
		return new FlagHistoryEntry(flag.id(), action, viewer.subject(), ruling, reason, note, redactedText,
				originalText, null);
	}

	boolean isRuling() {
		return action == Action.RULED || action == Action.APPEAL_DECIDED;
	}
}
