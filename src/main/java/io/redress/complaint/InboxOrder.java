package io.redress.complaint;

import java.util.function.Function;

/**
 * How a brand's inbox is ordered, and the keyset each order pages by: the column its index leads with after the
 * brand, the direction, and how a complaint's cursor key is read from it.
 */
enum InboxOrder {

	/** What is due first comes first; complaints that ended (nothing due) come last. */
	DUE_AT("c.due_at", "ASC", ">", complaint -> complaint.dueAt() == null ? "infinity" : complaint.dueAt().toString()),
	/** Newest first. */
	CREATED_AT("c.created_at", "DESC", "<", complaint -> complaint.createdAt().toString()),
	/** Most recently active first. */
	LAST_ACTIVITY("c.last_activity_at", "DESC", "<", complaint -> complaint.lastActivityAt().toString());

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

	/** The keyset condition: rows strictly after the cursor's (key, id), or every row without one. */
	String keyset() {
		return "(:afterKey::text IS NULL OR (%s, c.id) %s (:afterKey::timestamptz, :afterId))".formatted(column, after);
	}

	String orderBy() {
		return "%1$s %2$s, c.id %2$s".formatted(column, direction);
	}

	String cursorKey(Complaint complaint) {
		return key.apply(complaint);
	}
}
