package io.redress.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A cursor handed out before events had positions: the writing transaction's xid8 and the event id. One for an event
 * the upgrade numbered maps to that event's position exactly; any other cannot resume without a possible gap.
 */
record LegacyCursor(long xid, long id) {

	/** The old cursor from before every event. */
	boolean isStart() {
		return xid == 0 && id == 0;
	}

	static Optional<LegacyCursor> decode(String value) {
		if (value == null || value.length() > 100) {
			return Optional.empty();
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(":");
			if (parts.length != 3 || !parts[0].equals("e")) {
				return Optional.empty();
			}
			return Optional.of(new LegacyCursor(Long.parseLong(parts[1]), Long.parseLong(parts[2])))
					.filter(cursor -> cursor.xid >= 0 && cursor.id >= 0);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}
}
