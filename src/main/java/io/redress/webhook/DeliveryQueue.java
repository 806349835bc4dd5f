package io.redress.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.redress.webhook.WebhookClient.Attempt;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * The sender's side of the deliveries. A node leases the endpoints that have a delivery due (rows locked with
 * {@code SKIP LOCKED} while it takes them, so two nodes never take the same one), sends their oldest pending
 * deliveries one at a time, and records each outcome only while its lease holds; a node that dies leaves a lease
 * that runs out, and another node goes on from the same delivery.
 */
@Repository
class DeliveryQueue {

	/** An endpoint that failed once more, and has failed without a success for {@code disable-after}. */
	private static final String FAILED_TOO_LONG =
			"(NOT :delivered AND coalesce(w.failing_since, now()) <= now() - make_interval(secs => :disableAfter))";

	private final DatabaseClient db;

	DeliveryQueue(DatabaseClient db) {
		this.db = db;
	}

	/** Up to {@code count} endpoints with a delivery due, leased to {@code token} for {@code lease}. */
	Flux<Endpoint> lease(int count, UUID token, Duration lease) {
		return db.sql("""
				UPDATE webhooks w SET lease_token = :token, lease_until = now() + make_interval(secs => :lease)
				WHERE w.id IN (
				  SELECT id FROM webhooks
				  WHERE status = 'ACTIVE' AND due_at <= now() AND (lease_until IS NULL OR lease_until < now())
				  ORDER BY due_at LIMIT :count FOR UPDATE SKIP LOCKED)
				RETURNING w.id, w.brand_id, w.url, w.secret,
				  CASE WHEN w.previous_secret_expires_at > now() THEN w.previous_secret END AS previous_secret""")
				.bind("token", token).bind("lease", (double) lease.toSeconds()).bind("count", count)
				.map(row -> {
					List<String> secrets = new ArrayList<>(List.of(row.get("secret", String.class)));
					String previous = row.get("previous_secret", String.class);
					if (previous != null) {
						secrets.add(previous);
					}
					return new Endpoint(row.get("id", Long.class), row.get("brand_id", Long.class),
							row.get("url", String.class), List.copyOf(secrets), token);
				}).all();
	}

	/**
	 * The endpoint's oldest pending deliveries, up to {@code count}, in order, while they are due: the first one not
	 * yet due (waiting for a retry) ends the list, as everything after it waits for it.
	 */
	Flux<Pending> next(Endpoint endpoint, int count) {
		return db.sql("""
				SELECT id, event_id, body, attempts, next_attempt_at <= now() AS due FROM webhook_deliveries
				WHERE webhook_id = :id AND status = 'PENDING' ORDER BY id LIMIT :count""")
				.bind("id", endpoint.id()).bind("count", count)
				.map(row -> new Pending(row.get("id", Long.class), row.get("event_id", String.class),
						row.get("body", String.class), row.get("attempts", Integer.class),
						Boolean.TRUE.equals(row.get("due", Boolean.class))))
				.all().takeWhile(Pending::due);
	}

	/**
	 * Records an attempt while the lease holds, in one statement: the delivery's outcome and its next attempt
	 * ({@code retryIn}; given up when null). Empty when the lease was lost; otherwise whether the endpoint has now
	 * failed for {@code disableAfter} and was disabled by this attempt.
	 */
	Mono<Boolean> record(Endpoint endpoint, Pending delivery, Attempt attempt, Duration retryIn,
			Duration disableAfter) {
		String status = attempt.delivered() ? "DELIVERED" : retryIn == null ? "FAILED" : "PENDING";
		return db.sql("""
				WITH held AS (
				  SELECT id, failing_since FROM webhooks WHERE id = :webhookId AND lease_token = :token FOR UPDATE),
				outcome AS (
				  UPDATE webhook_deliveries SET status = :status, attempts = attempts + 1, last_attempt_at = now(),
				    response_code = :code, duration_ms = :duration, error = :error,
				    next_attempt_at = now() + make_interval(secs => :retryIn),
				    delivered_at = CASE WHEN :status = 'DELIVERED' THEN now() END
				  WHERE id = :id AND status = 'PENDING' AND EXISTS (SELECT 1 FROM held)
				  RETURNING id)
				UPDATE webhooks w SET
				  failing_since = CASE WHEN :delivered THEN NULL ELSE coalesce(w.failing_since, now()) END,
				  status = CASE WHEN %1$s THEN 'DISABLED' ELSE w.status END,
				  disabled_at = CASE WHEN %1$s THEN now() ELSE w.disabled_at END
				WHERE w.id = :webhookId AND EXISTS (SELECT 1 FROM outcome)
				RETURNING w.status = 'DISABLED' AND w.disabled_at = now() AS disabled""".formatted(FAILED_TOO_LONG))
				.bind("status", status).bind("code", Parameter.fromOrEmpty(attempt.responseCode(), Integer.class))
				.bind("duration", attempt.durationMs()).bind("error", Parameter.fromOrEmpty(attempt.error(), String.class))
				.bind("retryIn", retryIn == null ? 0.0 : retryIn.toMillis() / 1000.0).bind("id", delivery.id())
				.bind("webhookId", endpoint.id()).bind("token", endpoint.token()).bind("delivered", attempt.delivered())
				.bind("disableAfter", (double) disableAfter.toSeconds())
				.map(row -> Boolean.TRUE.equals(row.get("disabled", Boolean.class))).one();
	}

	/**
	 * Gives the endpoint back, in the caller's transaction: due again when its oldest pending delivery is. The row
	 * is locked first, so this statement reads every delivery a planner committed meanwhile (the planner holds the
	 * lock from making the endpoint due until it commits), and no new delivery is left without a due time.
	 */
	Mono<Void> release(Endpoint endpoint) {
		return locked(endpoint).flatMap(held -> db.sql("""
				UPDATE webhooks SET lease_token = NULL, lease_until = NULL,
				  due_at = (SELECT next_attempt_at FROM webhook_deliveries
				            WHERE webhook_id = webhooks.id AND status = 'PENDING' ORDER BY id LIMIT 1)
				WHERE id = :id""").bind("id", endpoint.id()).then());
	}

	/** The endpoint's row, locked, when this lease still holds it; empty otherwise. */
	private Mono<Boolean> locked(Endpoint endpoint) {
		return db.sql("SELECT lease_token = :token AS held FROM webhooks WHERE id = :id FOR UPDATE")
				.bind("token", endpoint.token()).bind("id", endpoint.id())
				.map(row -> Boolean.TRUE.equals(row.get("held", Boolean.class))).one().filter(held -> held);
	}

	/** An endpoint leased to this node under {@code token}; {@code secrets} sign, the newest first. */
	record Endpoint(long id, long brandId, String url, List<String> secrets, UUID token) {
	}

	/** A delivery waiting to be sent. */
	record Pending(long id, String eventId, String body, int attempts, boolean due) {
	}
}
