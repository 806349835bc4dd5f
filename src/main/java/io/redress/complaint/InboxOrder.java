package io.redress.complaint;

import java.util.function.Function;

/**
 * How a brand's inbox is ordered, and the keyset each order pages by: the column its index leads with after the
 * brand (the complaint's own, and the copy a partner's involvement keeps of it), the direction, and how a
 * complaint's cursor key is read from it.
 */
enum InboxOrder {

	/** What is due first comes first; complaints that ended (nothing due) come last. */
	DUE_AT("due_at", "ASC", ">", complaint -> complaint.dueAt() == null ? "infinity" : complaint.dueAt().toString()),
	/** Newest first. */
	CREATED_AT("created_at", "DESC", "<", complaint -> complaint.createdAt().toString()),
	/** Most recently active first. */
	LAST_ACTIVITY("last_activity_at", "DESC", "<", complaint -> complaint.lastActivityAt().toString());

	private final String column;
	private final String direction;
	private final String after;
	private final Function<Complaint, String> key;

	InboxOrder(String column, String direction, String after, Function<Complaint, String> key) {
		this.column = column;
		this.direction = direction;
		this.after = after;
		this.key = key;
	}

	/** The brand's own complaints {@code c}: the keyset condition, rows strictly after the cursor's (key, id). */
	String keyset() {
		return keyset("c." + column, "c.id");
	}

	String orderBy() {
		return orderBy("c." + column, "c.id");
	}

	/** The cases a partner is involved in, {@code cp}, by the copy of the complaint's key it keeps. */
	String partnerKeyset() {
		return keyset(partnerColumn(), "cp.complaint_id");
	}

	String partnerOrderBy() {
		return orderBy(partnerColumn(), "cp.complaint_id");
	}

	/** The merged page {@code u} of both, by the key each part read as {@code inbox_key}. */
	String mergedOrderBy() {
		return orderBy("u.inbox_key", "u.id");
	}

	String partnerColumn() {
		return "cp.case_" + column;
	}

	String column() {
		return "c." + column;
	}

	String cursorKey(Complaint complaint) {
		return key.apply(complaint);
	}

	private String keyset(String key, String id) {
		return "(:afterKey::text IS NULL OR (%s, %s) %s (:afterKey::timestamptz, :afterId))".formatted(key, id, after);
	}

	private String orderBy(String key, String id) {
		return "%1$s %3$s, %2$s %3$s".formatted(key, id, direction);
	}
}
