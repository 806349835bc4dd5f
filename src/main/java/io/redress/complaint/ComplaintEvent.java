package io.redress.complaint;

import java.time.OffsetDateTime;

/** A change to a complaint, as a subscriber receives it; the complaint and message are read with their rights. */
public record ComplaintEvent(String cursor, String type, OffsetDateTime occurredAt, long complaintId,
		Long messageId) {
}
