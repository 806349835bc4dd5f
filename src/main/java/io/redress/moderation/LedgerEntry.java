package io.redress.moderation;

import java.time.OffsetDateTime;

/** One line of a brand's public moderation ledger: what happened to one of its complaints, when, why, and which side asked. */
record LedgerEntry(long id, long brandId, Action action, OffsetDateTime at, FlagReason reason, String publicReason, AskedBy askedBy) {

	enum Action {
		/** Held under review, out of public view and out of the score. */
		HELD,
		/** Back in public view after a review that kept it. */
		RELEASED,
		/** Removed by a ruling. */
		REMOVED,
		/** Back after an appeal. */
		REINSTATED
	}
}
