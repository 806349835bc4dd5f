package io.redress.realtime;

import java.time.OffsetDateTime;

/** An event as read back from the log. */
public record StoredEvent(EventCursor cursor, String type, long brandId, Long complaintId, Long consumerId,
		Visibility visibility, Long messageId, OffsetDateTime occurredAt) {
}
