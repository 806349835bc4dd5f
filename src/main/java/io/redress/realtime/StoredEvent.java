package io.redress.realtime;

import java.time.OffsetDateTime;

/**
 * An event as read back from the log; {@code type} is the name of the {@link EventType} that wrote it and
 * {@code payload} its small JSON payload as text; {@code brandId} is null for an event about a person as a whole.
 */
public record StoredEvent(EventCursor cursor, String type, Long brandId, Long complaintId, Long consumerId,
		Visibility visibility, Long messageId, OffsetDateTime occurredAt, String payload) {

	public boolean is(EventType eventType) {
		return type.equals(eventType.name());
	}

	/** Whether a subscriber may ever receive it: facts kept for the modules following the log are not theirs. */
	public boolean forSubscribers() {
		return visibility != Visibility.SYSTEM;
	}
}
