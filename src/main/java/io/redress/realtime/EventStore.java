package io.redress.realtime;

import java.time.OffsetDateTime;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * Reads the event log by position. Only numbered events are read, and the sequencer numbers them in batches that
 * become visible whole and in order, so what one statement sees is always every position up to its largest one.
 */
@Repository
class EventStore {

	private static final String COLUMNS = """
			position, type, brand_id, complaint_id, consumer_id, visibility,
			(payload ->> 'messageId')::bigint AS message_id, occurred_at, payload::text AS payload""";

	private static final String AFTER = """
			SELECT %s FROM events
			WHERE position > :position
			  AND (:brandId::bigint IS NULL OR brand_id = :brandId)
			  AND (:complaintId::bigint IS NULL OR complaint_id = :complaintId)
			  AND (:consumerId::bigint IS NULL OR consumer_id = :consumerId)
			ORDER BY position
			LIMIT :limit""".formatted(COLUMNS);

	private static final String HEAD = "SELECT last_position AS position FROM event_sequence";

	private static final String EXISTS = "SELECT count(*) AS found FROM events WHERE position = :position";

	/** Only an event the upgrade numbered (below its horizon) has a position that an old cursor can map to. */
	private static final String LEGACY = """
			SELECT e.position FROM events e, event_sequence s
			WHERE e.id = :id AND e.xid = :xid::text::xid8 AND e.xid < s.legacy_horizon::text::xid8
			  AND e.position IS NOT NULL""";

	// In batches: one DELETE of a long backlog would outlast the statement timeout every time and never finish. An
	// event not numbered yet is kept: its position, and so its readers, are still to come.
	private static final String PURGE = """
			DELETE FROM events WHERE id IN (
			    SELECT id FROM events WHERE occurred_at < :before AND position IS NOT NULL
			    ORDER BY occurred_at LIMIT :batch)
			""";

	private final DatabaseClient db;

	EventStore(DatabaseClient db) {
		this.db = db;
	}

	/** Numbered events after {@code cursor} that match {@code filter}, by position. */
	Flux<StoredEvent> after(EventCursor cursor, EventFilter filter, int limit) {
		return db.sql(AFTER).bind("position", cursor.position()).bind("limit", limit)
				.bind("brandId", Parameter.fromOrEmpty(filter.brandId(), Long.class))
				.bind("complaintId", Parameter.fromOrEmpty(filter.complaintId(), Long.class))
				.bind("consumerId", Parameter.fromOrEmpty(filter.consumerId(), Long.class))
				.map(row -> new StoredEvent(new EventCursor(row.get("position", Long.class)),
						row.get("type", String.class), row.get("brand_id", Long.class),
						row.get("complaint_id", Long.class), row.get("consumer_id", Long.class),
						Visibility.stored(row.get("visibility", String.class)), row.get("message_id", Long.class),
						row.get("occurred_at", OffsetDateTime.class), row.get("payload", String.class)))
				.all();
	}

	/** Where live delivery starts: after every event that is already numbered. */
	Mono<EventCursor> head() {
		return db.sql(HEAD).map(row -> new EventCursor(row.get("position", Long.class))).one();
	}

	/** Whether the event a cursor points at is still kept; a cursor to a purged event cannot resume without a gap. */
	Mono<Boolean> contains(EventCursor cursor) {
		return db.sql(EXISTS).bind("position", cursor.position()).map(row -> row.get("found", Long.class) > 0).one();
	}

	/** The position an old cursor stands for; empty when its event is gone or was numbered after the upgrade. */
	Mono<EventCursor> positionOf(LegacyCursor cursor) {
		return db.sql(LEGACY).bind("id", cursor.id()).bind("xid", Long.toString(cursor.xid()))
				.map(row -> new EventCursor(row.get("position", Long.class))).one();
	}

	/** Deletes at most {@code batch} events older than {@code before}; returns how many it deleted. */
	Mono<Long> purgeBefore(OffsetDateTime before, int batch) {
		return db.sql(PURGE).bind("before", before).bind("batch", batch).fetch().rowsUpdated();
	}
}
