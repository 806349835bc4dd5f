package io.redress.moderation;

import io.r2dbc.spi.Readable;
import io.redress.realtime.EventCursor;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * How far the signal watch has applied the event log: one row, which the node applying a batch locks, so every event
 * is evaluated once, in log order, whichever node reads it.
 */
@Repository
class SignalFeed {

	private static final String POSITION = "SELECT position FROM signal_feed";

	private final DatabaseClient db;

	SignalFeed(DatabaseClient db) {
		this.db = db;
	}

	/** Where a node starts reading; no lock. {@link EventCursor#START} until a batch was first applied. */
	Mono<EventCursor> position() {
		return db.sql(POSITION).map(SignalFeed::cursor).one();
	}

	/** The position, locked until the caller's transaction ends. */
	Mono<EventCursor> lock() {
		return db.sql(POSITION + " FOR UPDATE").map(SignalFeed::cursor).one();
	}

	Mono<Void> advance(EventCursor applied) {
		return db.sql("UPDATE signal_feed SET position = :position").bind("position", applied.position()).then();
	}

	private static EventCursor cursor(Readable row) {
		return new EventCursor(row.get("position", Long.class));
	}
}
