package io.redress.realtime;

import io.r2dbc.postgresql.codec.Json;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Component;

/**
 * Appends events to the log. Call it inside the transaction of the change it records (transactional outbox): the
 * row then commits or rolls back with the change, and {@link EventSequencer} gives it its position once committed.
 */
@Component
public class EventLog {

	/** The row and a wake-up for the sequencer; PostgreSQL delivers the NOTIFY only if the transaction commits. */
	private static final String APPEND = """
			WITH appended AS (
			  INSERT INTO events (brand_id, complaint_id, consumer_id, type, visibility, payload)
			  VALUES (:brandId, :complaintId, :consumerId, :type, :visibility, :payload)
			  RETURNING id)
			SELECT pg_notify('%s', appended.id::text) FROM appended""".formatted(EventWakeUps.APPENDED);

	private final DatabaseClient db;
	private final JsonMapper json;

	EventLog(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	public Mono<Void> append(NewEvent event) {
		return db.sql(APPEND)
				.bind("brandId", Parameter.fromOrEmpty(event.brandId(), Long.class))
				.bind("complaintId", Parameter.fromOrEmpty(event.complaintId(), Long.class))
				.bind("consumerId", Parameter.fromOrEmpty(event.consumerId(), Long.class))
				.bind("type", event.type().name())
				.bind("visibility", event.visibility().name())
				.bind("payload", Json.of(json.writeValueAsString(event.payload())))
				.fetch().rowsUpdated().then();
	}
}
