package io.redress.webhook;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.r2dbc.spi.Readable;
import io.redress.shared.Connection;
import io.redress.shared.Cursors;
import io.redress.shared.PageRequest;
import io.redress.webhook.WebhookDelivery.DeliveryStatus;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** The endpoints' deliveries as their managers read them, newest first, and redeliveries. */
@Repository
class DeliveryLog {

	private static final String COLUMNS = """
			d.id, d.webhook_id, d.event_id, d.event_type, d.status, d.attempts, d.response_code, d.duration_ms, d.error,
			d.created_at, d.last_attempt_at, d.next_attempt_at, d.delivered_at""";

	private final DatabaseClient db;

	DeliveryLog(DatabaseClient db) {
		this.db = db;
	}

	/** One page of each endpoint's deliveries, cut per endpoint in one statement. */
	Mono<Map<Long, Connection<WebhookDelivery>>> pages(Collection<Long> webhookIds, PageRequest page) {
		Long after = page.after() == null ? null : Cursors.decode(page.after()).id();
		return db.sql("""
				SELECT %s FROM unnest(:ids::bigint[]) AS w(id)
				CROSS JOIN LATERAL (
				  SELECT * FROM webhook_deliveries d
				  WHERE d.webhook_id = w.id AND (:after::bigint IS NULL OR d.id < :after::bigint)
				  ORDER BY d.id DESC LIMIT :limit) d
				ORDER BY d.webhook_id, d.id DESC""".formatted(COLUMNS))
				.bind("ids", webhookIds.toArray(Long[]::new))
				.bind("after", Parameter.fromOrEmpty(after, Long.class))
				.bind("limit", page.fetchSize())
				.map(DeliveryLog::delivery).all()
				.collectMultimap(WebhookDelivery::webhookId)
				.map(byWebhook -> webhookIds.stream().distinct().collect(Collectors.toMap(id -> id,
						id -> Connection.of(List.copyOf(byWebhook.getOrDefault(id, List.of())), page,
								delivery -> Cursors.encode("d", delivery.id())))));
	}

	Mono<WebhookDelivery> byId(long id) {
		return db.sql("SELECT %s FROM webhook_deliveries d WHERE d.id = :id".formatted(COLUMNS)).bind("id", id)
				.map(DeliveryLog::delivery).one();
	}

	/**
	 * The same event again, as a new delivery behind the endpoint's pending ones, with the same {@code webhook-id}
	 * and body; an active endpoint with nothing pending sends it at once.
	 */
	Mono<WebhookDelivery> redeliver(WebhookDelivery original) {
		return db.sql("""
				WITH copy AS (
				  INSERT INTO webhook_deliveries (webhook_id, position, event_id, event_type, body)
				  SELECT webhook_id, position, event_id, event_type, body FROM webhook_deliveries WHERE id = :id
				  RETURNING *),
				due AS (
				  UPDATE webhooks SET due_at = coalesce(due_at, now())
				  WHERE id = (SELECT webhook_id FROM copy) AND status = 'ACTIVE')
				SELECT %s FROM copy d""".formatted(COLUMNS))
				.bind("id", original.id()).map(DeliveryLog::delivery).one();
	}

	static WebhookDelivery delivery(Readable row) {
		return new WebhookDelivery(row.get("id", Long.class), row.get("webhook_id", Long.class),
				row.get("event_id", String.class), row.get("event_type", String.class),
				DeliveryStatus.valueOf(row.get("status", String.class)), row.get("attempts", Integer.class),
				row.get("response_code", Integer.class), row.get("duration_ms", Integer.class),
				row.get("error", String.class), row.get("created_at", OffsetDateTime.class),
				row.get("last_attempt_at", OffsetDateTime.class), row.get("next_attempt_at", OffsetDateTime.class),
				row.get("delivered_at", OffsetDateTime.class));
	}

	/** Deliveries finished longer ago than the retention; pending ones stay whatever their age. */
	Mono<Long> purge(Duration retention) {
		return db.sql("""
				DELETE FROM webhook_deliveries WHERE id IN (
				  SELECT id FROM webhook_deliveries
				  WHERE created_at < now() - make_interval(secs => :retention) AND status <> 'PENDING' LIMIT 10000)""")
				.bind("retention", (double) retention.toSeconds()).fetch().rowsUpdated();
	}
}
