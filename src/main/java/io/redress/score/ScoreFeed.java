package io.redress.score;

import io.r2dbc.spi.Readable;
import io.redress.realtime.EventCursor;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * How far the score keeper has applied the event log: one row, which the node applying a batch locks, so every batch
 * is applied once, in log order, whichever node reads it.
 */
@Repository
class ScoreFeed {

	private static final String POSITION = "SELECT position FROM score_feed";

	private final DatabaseClient db;

	ScoreFeed(DatabaseClient db) {
		this.db = db;
	}

	/** Where a node starts reading; no lock. */
	Mono<EventCursor> position() {
		return db.sql(POSITION).map(ScoreFeed::cursor).one();
	}

	/** The position, locked until the caller's transaction ends. */
	Mono<EventCursor> lock() {
		return db.sql(POSITION + " FOR UPDATE").map(ScoreFeed::cursor).one();
	}

	Mono<Void> advance(EventCursor applied) {
		return db.sql("UPDATE score_feed SET position = :position").bind("position", applied.position()).then();
	}

	private static EventCursor cursor(Readable row) {
		return new EventCursor(row.get("position", Long.class));
	}
}
