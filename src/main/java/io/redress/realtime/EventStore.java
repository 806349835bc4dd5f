package io.redress.realtime;

import java.time.OffsetDateTime;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** Reads the event log in commit order, only as far as no still-running transaction could add an earlier event. */
@Repository
class EventStore {

	private static final String COLUMNS = """
			id, xid::text::bigint AS xid, type, brand_id, complaint_id, consumer_id, visibility,
			(payload ->> 'messageId')::bigint AS message_id, occurred_at, payload::text AS payload""";

	/**
	 * Events after a cursor. {@code pg_snapshot_xmin} is the oldest transaction still running: an event with a
	 * smaller xid can no longer appear, so a reader never moves past one that will commit later.
	 */
	private static final String AFTER = """
			SELECT %s FROM events
			WHERE (xid, id) > (:xid::text::xid8, :id)
			  AND xid < pg_snapshot_xmin(pg_current_snapshot())
			  AND (:brandId::bigint IS NULL OR brand_id = :brandId)
			  AND (:complaintId::bigint IS NULL OR complaint_id = :complaintId)
			  AND (:consumerId::bigint IS NULL OR consumer_id = :consumerId)
			ORDER BY xid, id
			LIMIT :limit""".formatted(COLUMNS);

	private static final String HEAD = """
			SELECT xid::text::bigint AS xid, id FROM events WHERE xid < pg_snapshot_xmin(pg_current_snapshot())
			ORDER BY xid DESC, id DESC LIMIT 1""";

	private static final String EXISTS = "SELECT count(*) AS found FROM events WHERE id = :id";

	// In batches: one DELETE of a long backlog would outlast the statement timeout every time and never finish.
	private static final String PURGE = """
			DELETE FROM events WHERE id IN (
			    SELECT id FROM events WHERE occurred_at < :before ORDER BY occurred_at LIMIT :batch)
			""";

	private final DatabaseClient db;

	EventStore(DatabaseClient db) {
		this.db = db;
	}

	/** Readable events after {@code cursor} that match {@code filter}, in commit order. */
	Flux<StoredEvent> after(EventCursor cursor, EventFilter filter, int limit) {
		return db.sql(AFTER).bind("xid", Long.toString(cursor.xid())).bind("id", cursor.id()).bind("limit", limit)
				.bind("brandId", Parameter.fromOrEmpty(filter.brandId(), Long.class))
				.bind("complaintId", Parameter.fromOrEmpty(filter.complaintId(), Long.class))
				.bind("consumerId", Parameter.fromOrEmpty(filter.consumerId(), Long.class))
				.map(row -> new StoredEvent(new EventCursor(row.get("xid", Long.class), row.get("id", Long.class)),
						row.get("type", String.class), row.get("brand_id", Long.class),
						row.get("complaint_id", Long.class), row.get("consumer_id", Long.class),
						Visibility.stored(row.get("visibility", String.class)), row.get("message_id", Long.class),
						row.get("occurred_at", OffsetDateTime.class), row.get("payload", String.class)))
				.all();
	}

	/** Where live delivery starts: after every event that is already readable. */
	Mono<EventCursor> head() {
		return db.sql(HEAD).map(row -> new EventCursor(row.get("xid", Long.class), row.get("id", Long.class))).one()
				.defaultIfEmpty(EventCursor.START);
	}

	/** Whether the event a cursor points at is still kept; a cursor to a purged event cannot resume without a gap. */
	Mono<Boolean> contains(EventCursor cursor) {
		return db.sql(EXISTS).bind("id", cursor.id()).map(row -> row.get("found", Long.class) > 0).one();
	}

	/** Deletes at most {@code batch} events older than {@code before}; returns how many it deleted. */
	Mono<Long> purgeBefore(OffsetDateTime before, int batch) {
		return db.sql(PURGE).bind("before", before).bind("batch", batch).fetch().rowsUpdated();
	}
}
