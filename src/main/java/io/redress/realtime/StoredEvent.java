package io.redress.realtime;

import java.time.OffsetDateTime;

/** An event as read back from the log; {@code payload} is its small JSON payload as text. */
public record StoredEvent(EventCursor cursor, String type, long brandId, Long complaintId, Long consumerId,
		Visibility visibility, Long messageId, OffsetDateTime occurredAt, String payload) {
}
