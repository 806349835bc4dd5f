package io.redress.moderation;

import java.util.List;

/** A brand's ledger in numbers: complaints removed and held now, and those by the reason they were flagged for. */
record LedgerSummary(int removedCount, int heldCount, List<ReasonCount> byReason) {

	static final LedgerSummary NONE = new LedgerSummary(0, 0, List.of());

	record ReasonCount(FlagReason reason, int count) {
	}
}
