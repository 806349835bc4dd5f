package io.redress.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in the event log: the writing transaction's xid8 and the event id. Ordered by (xid, id), which is commit
 * order for every event a reader can see (readers only read below the oldest running transaction), so resuming after
 * a cursor never skips an event that committed later with a smaller id.
 */
public record EventCursor(long xid, long id) implements Comparable<EventCursor> {

	/** Before every event. */
	public static final EventCursor START = new EventCursor(0, 0);

	public String encoded() {
		return Base64.getUrlEncoder().withoutPadding()
				.encodeToString(("e:" + xid + ":" + id).getBytes(StandardCharsets.UTF_8));
	}

	/** A cursor a client sent back; empty when it is not one of ours. */
	public static Optional<EventCursor> decode(String value) {
		if (value == null || value.length() > 100) {
			return Optional.empty();
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(":");
			if (parts.length != 3 || !parts[0].equals("e")) {
				return Optional.empty();
			}
			return Optional.of(new EventCursor(Long.parseLong(parts[1]), Long.parseLong(parts[2])))
					.filter(cursor -> cursor.xid >= 0 && cursor.id >= 0);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Override
	public int compareTo(EventCursor other) {
		int byXid = Long.compare(xid, other.xid);
		return byXid != 0 ? byXid : Long.compare(id, other.id);
	}

	public boolean isAfter(EventCursor other) {
		return compareTo(other) > 0;
	}
}
