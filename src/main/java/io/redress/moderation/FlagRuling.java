package io.redress.moderation;

import java.time.OffsetDateTime;

/**
 * The ruling that stands on a flag: what, why in plain words (public), when, whether it decided an appeal, and for a
 * redaction the new text and (moderators only) the original.
 */
record FlagRuling(Ruling ruling, String reason, String redactedText, String originalText, boolean onAppeal,
		OffsetDateTime ruledAt) {

	static FlagRuling of(FlagHistoryEntry entry, boolean moderator) {
		return new FlagRuling(entry.ruling(), entry.reason(), entry.redactedText(),
				moderator ? entry.originalText() : null, entry.action() == FlagHistoryEntry.Action.APPEAL_DECIDED,
				entry.at());
	}
}
