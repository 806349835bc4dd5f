package io.redress.moderation;

import java.time.OffsetDateTime;

/**
 * One step of a flag's audit trail, for moderators: who did what and when, the ruling with its public reason, the
 * flagger's or appellant's note, and for a redaction the text that replaced the original and the original itself.
 */
record FlagHistoryEntry(long flagId, Action action, String actor, Ruling ruling, String reason, String note,
		String redactedText, String originalText, OffsetDateTime at) {

	enum Action {
		FLAGGED, HIDDEN, RULED, APPEALED, APPEAL_DECIDED
	}

	boolean isRuling() {
		return action == Action.RULED || action == Action.APPEAL_DECIDED;
	}
}
