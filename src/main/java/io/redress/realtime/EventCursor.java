package io.redress.realtime;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A position in the event log. Positions are gapless and given in the order events became visible, by one sequencer
 * at a time, so everything a reader has seen is below every event it has not: resuming after a cursor skips nothing.
 */
public record EventCursor(long position) implements Comparable<EventCursor> {

	/** Before every event. */
	public static final EventCursor START = new EventCursor(0);

	public String encoded() {
		return Base64.getUrlEncoder().withoutPadding()
				.encodeToString(("p:" + position).getBytes(StandardCharsets.UTF_8));
	}

	/** A cursor a client sent back; empty when it is not one of ours (or one of {@link LegacyCursor}). */
	public static Optional<EventCursor> decode(String value) {
		if (value == null || value.length() > 100) {
			return Optional.empty();
		}
		try {
			String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split(":");
			if (parts.length != 2 || !parts[0].equals("p")) {
				return Optional.empty();
			}
			return Optional.of(new EventCursor(Long.parseLong(parts[1]))).filter(cursor -> cursor.position >= 0);
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Override
	public int compareTo(EventCursor other) {
		return Long.compare(position, other.position);
	}

	public boolean isAfter(EventCursor other) {
		return compareTo(other) > 0;
	}
}
