package io.redress.complaint;

import java.time.OffsetDateTime;

import io.redress.realtime.EventCursor;
import io.redress.shared.PositionedEvent;

/**
 * A change to a complaint, as a subscriber receives it; the complaint and message are read with their rights.
 * {@code type} is the name of the {@link ComplaintEventType} or thread event type that wrote it, which GraphQL
 * serializes as the schema's {@code ComplaintEventType} (a name the schema lacks would be an error, never a string).
 * {@code payload} is the event's small JSON payload of ids and codes, for modules that add fields to the type.
 * {@code complaintId} is null on a notice about no complaint (a webhook disabled, addressed to a brand's manager).
 */
public record ComplaintEvent(String cursor, String type, OffsetDateTime occurredAt, Long complaintId,
		Long messageId, String payload) implements PositionedEvent {

	@Override
	public long logPosition() {
		return EventCursor.decode(cursor).map(EventCursor::position).orElse(-1L);
	}
}
