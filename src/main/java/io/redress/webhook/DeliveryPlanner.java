package io.redress.webhook;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.redress.realtime.EventCursor;
import io.redress.realtime.EventFilter;
import io.redress.realtime.EventStreams;
import io.redress.realtime.ExpiredCursorException;
import io.redress.realtime.StoredEvent;
import io.redress.realtime.Visibility;
import io.redress.shared.ContinuousFlow;
import io.redress.shared.GlobalId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Turns the event log into deliveries: each event a brand's integration could receive on {@code brandEvents} becomes
 * one delivery for every active endpoint of the brand that asked for its type. It follows the log from the position
 * stored in {@code webhook_feed}; each batch is planned in one transaction that locks that position, so an event
 * is planned once whichever node reads it, and a restarted node goes on from there. Before the first batch it starts
 * from the log's present.
 */
@Component
class DeliveryPlanner extends ContinuousFlow {

	private static final String FEED = "SELECT position FROM webhook_feed";

	/** One statement per batch: the deliveries, in log order per endpoint, and the endpoints they make due. */
	private static final String PLAN = """
			WITH planned AS (
			  INSERT INTO webhook_deliveries (webhook_id, position, event_id, event_type, body)
			  SELECT w.id, e.position, e.event_id, e.type, e.body
			  FROM unnest(:positions::bigint[], :brands::bigint[], :types::text[], :eventIds::text[], :bodies::text[])
			       AS e(position, brand_id, type, event_id, body)
			  JOIN webhooks w ON w.brand_id = e.brand_id AND w.status = 'ACTIVE' AND e.type = ANY(w.event_types)
			  ORDER BY w.id, e.position
			  RETURNING webhook_id)
			UPDATE webhooks SET due_at = coalesce(due_at, now()) WHERE id IN (SELECT webhook_id FROM planned)""";

	private final EventStreams streams;
	private final DatabaseClient db;
	private final TransactionalOperator tx;
	private final JsonMapper json;
	private final WebhookSettings settings;
	private final DeliverySender sender;

	DeliveryPlanner(EventStreams streams, DatabaseClient db, TransactionalOperator tx, JsonMapper json,
			WebhookSettings settings, DeliverySender sender) {
		this.streams = streams;
		this.db = db;
		this.tx = tx;
		this.json = json;
		this.settings = settings;
		this.sender = sender;
	}

	@Override
	protected boolean enabled() {
		return settings.sending();
	}

	@Override
	protected Flux<?> flow() {
		return db.sql(FEED).map(row -> new EventCursor(row.get("position", Long.class))).one()
				.flatMapMany(position -> position.equals(EventCursor.START) ? streams.follow(EventFilter.ALL, null)
						: streams.follow(EventFilter.ALL, position.encoded()).onErrorResume(ExpiredCursorException.class,
								ex -> streams.follow(EventFilter.ALL, EventCursor.START.encoded())))
				.bufferTimeout(settings.batch(), Duration.ofMillis(20), true)
				.concatMap(this::plan);
	}

	@Override
	protected String description() {
		return "Webhook planning";
	}

	/** Plans a batch once: events the stored position has passed were planned by another node already. */
	Mono<Void> plan(List<StoredEvent> batch) {
		List<StoredEvent> deliverable = batch.stream().filter(DeliveryPlanner::deliverable).toList();
		if (deliverable.isEmpty()) {
			return Mono.empty();
		}
		EventCursor last = batch.get(batch.size() - 1).cursor();
		return tx.transactional(db.sql(FEED + " FOR UPDATE").map(row -> row.get("position", Long.class)).one()
				.flatMap(planned -> {
					List<StoredEvent> fresh = deliverable.stream()
							.filter(event -> event.cursor().position() > planned).toList();
					return fresh.isEmpty() ? Mono.just(0L) : insert(fresh).flatMap(due -> db
							.sql("UPDATE webhook_feed SET position = :position").bind("position", last.position())
							.then().thenReturn(due));
				}))
				.doOnNext(due -> {
					if (due > 0) {
						sender.wake();
					}
				})
				.then();
	}

	private Mono<Long> insert(List<StoredEvent> events) {
		return db.sql(PLAN)
				.bind("positions", events.stream().map(event -> event.cursor().position()).toArray(Long[]::new))
				.bind("brands", events.stream().map(StoredEvent::brandId).toArray(Long[]::new))
				.bind("types", events.stream().map(StoredEvent::type).toArray(String[]::new))
				.bind("eventIds", events.stream().map(event -> event.cursor().encoded()).toArray(String[]::new))
				.bind("bodies", events.stream().map(this::body).toArray(String[]::new))
				.fetch().rowsUpdated();
	}

	/**
	 * What a receiver gets: the event's type and time and the global ids it is about (never the content: the
	 * integration reads that with its own token and rights), in the Standard Webhooks shape {@code type},
	 * {@code timestamp}, {@code data}.
	 */
	String body(StoredEvent event) {
		Map<String, Object> data = new LinkedHashMap<>();
		data.put("cursor", event.cursor().encoded());
		data.put("brandId", GlobalId.encode("Brand", event.brandId()));
		data.put("complaintId", GlobalId.encode("Complaint", event.complaintId()));
		data.put("messageId", event.messageId() == null ? null : GlobalId.encode("Message", event.messageId()));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", event.type());
		body.put("timestamp", event.occurredAt().withOffsetSameInstant(ZoneOffset.UTC).toString());
		body.put("data", data);
		return json.writeValueAsString(body);
	}

	/** What a brand's integration receives on {@code brandEvents}: events about its complaints, to the brand. */
	private static boolean deliverable(StoredEvent event) {
		return event.brandId() != null && event.complaintId() != null
				&& (event.visibility() == Visibility.PUBLIC || event.visibility() == Visibility.PARTICIPANTS
						|| event.visibility() == Visibility.BRAND);
	}
}
