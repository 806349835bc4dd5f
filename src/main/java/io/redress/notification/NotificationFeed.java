package io.redress.notification;

import io.redress.realtime.EventCursor;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * How far the notification watch has read the event log: one row, which the node queueing a batch locks, so every
 * event queues its mails once, whichever node reads it.
 */
@Repository
class NotificationFeed {

	private final DatabaseClient db;

	NotificationFeed(DatabaseClient db) {
		this.db = db;
	}

	/** Where a node starts reading; {@link EventCursor#START} until a batch was first queued. */
	Mono<EventCursor> position() {
		return db.sql("SELECT position FROM notification_feed").map(row -> new EventCursor(row.get(0, Long.class)))
				.one();
	}

	/** The position, locked until the caller's transaction ends. */
	Mono<EventCursor> lock() {
		return db.sql("SELECT position FROM notification_feed FOR UPDATE")
				.map(row -> new EventCursor(row.get(0, Long.class))).one();
	}

	Mono<Void> advance(EventCursor queued) {
		return db.sql("UPDATE notification_feed SET position = :position").bind("position", queued.position()).then();
	}
}
