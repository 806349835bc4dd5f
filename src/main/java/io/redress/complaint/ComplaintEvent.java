package io.redress.complaint;

import java.time.OffsetDateTime;

/**
 * A change to a complaint, as a subscriber receives it; the complaint and message are read with their rights.
 * {@code type} is the name of the {@link ComplaintEventType} or thread event type that wrote it, which GraphQL
 * serializes as the schema's {@code ComplaintEventType} (a name the schema lacks would be an error, never a string).
 * {@code payload} is the event's small JSON payload of ids and codes, for modules that add fields to the type.
 */
public record ComplaintEvent(String cursor, String type, OffsetDateTime occurredAt, long complaintId,
		Long messageId, String payload) {
}
