package io.redress.webhook;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The brands' endpoints: what managers create, change and read. The secret is only ever written here, never read. */
@Repository
class Webhooks {

	private static final String COLUMNS = """
			id, brand_id, url, event_types, status, created_at, failing_since, disabled_at,
			CASE WHEN previous_secret_expires_at > now() THEN previous_secret_expires_at END AS previous_secret_expires_at""";

	private final DatabaseClient db;

	Webhooks(DatabaseClient db) {
		this.db = db;
	}

	Mono<Webhook> insert(long brandId, String url, List<String> eventTypes, String secret) {
		return db.sql("""
				INSERT INTO webhooks (brand_id, url, event_types, secret)
				VALUES (:brandId, :url, :eventTypes, :secret)
				RETURNING %s""".formatted(COLUMNS))
				.bind("brandId", brandId).bind("url", url).bind("eventTypes", eventTypes.toArray(String[]::new))
				.bind("secret", secret)
				.map(Webhooks::webhook).one();
	}

	Mono<Long> countOf(long brandId) {
		return db.sql("SELECT count(*) AS n FROM webhooks WHERE brand_id = :brandId").bind("brandId", brandId)
				.map(row -> row.get("n", Long.class)).one();
	}

	/** The endpoint, locked until the caller's transaction ends. */
	Mono<Webhook> lock(long id) {
		return db.sql("SELECT %s FROM webhooks WHERE id = :id FOR UPDATE".formatted(COLUMNS)).bind("id", id)
				.map(Webhooks::webhook).one();
	}

	Mono<Webhook> byId(long id) {
		return db.sql("SELECT %s FROM webhooks WHERE id = :id".formatted(COLUMNS)).bind("id", id)
				.map(Webhooks::webhook).one();
	}

	/** Every endpoint of these brands, oldest first: at most {@link WebhookManagement#MAX_PER_BRAND} each. */
	Flux<Webhook> ofBrands(Collection<Long> brandIds) {
		return db.sql("SELECT %s FROM webhooks WHERE brand_id = ANY(:brandIds) ORDER BY brand_id, id".formatted(COLUMNS))
				.bind("brandIds", brandIds.toArray(Long[]::new))
				.map(Webhooks::webhook).all();
	}

	Mono<Webhook> update(long id, String url, List<String> eventTypes) {
		return db.sql("""
				UPDATE webhooks SET url = :url, event_types = :eventTypes WHERE id = :id RETURNING %s""".formatted(COLUMNS))
				.bind("id", id).bind("url", url).bind("eventTypes", eventTypes.toArray(String[]::new))
				.map(Webhooks::webhook).one();
	}

	/** Switched on again: it has not failed since, and its oldest pending delivery is due at once. */
	Mono<Webhook> enable(long id) {
		return db.sql("""
				UPDATE webhooks SET status = 'ACTIVE', failing_since = NULL, disabled_at = NULL,
				  due_at = CASE WHEN EXISTS (SELECT 1 FROM webhook_deliveries d
				                             WHERE d.webhook_id = webhooks.id AND d.status = 'PENDING') THEN now() END
				WHERE id = :id RETURNING %s""".formatted(COLUMNS))
				.bind("id", id).map(Webhooks::webhook).one();
	}

	Mono<Webhook> disable(long id) {
		return db.sql("""
				UPDATE webhooks SET status = 'DISABLED', disabled_at = coalesce(disabled_at, now())
				WHERE id = :id RETURNING %s""".formatted(COLUMNS))
				.bind("id", id).map(Webhooks::webhook).one();
	}

	/** A new secret; the current one keeps signing, beside it, for {@code overlap}. */
	Mono<Webhook> rotate(long id, String secret, Duration overlap) {
		return db.sql("""
				UPDATE webhooks SET previous_secret = secret, secret = :secret,
				  previous_secret_expires_at = now() + make_interval(secs => :overlap)
				WHERE id = :id RETURNING %s""".formatted(COLUMNS))
				.bind("id", id).bind("secret", secret).bind("overlap", (double) overlap.toSeconds())
				.map(Webhooks::webhook).one();
	}

	Mono<Void> delete(long id) {
		return db.sql("DELETE FROM webhooks WHERE id = :id").bind("id", id).then();
	}

	private static Webhook webhook(Readable row) {
		return new Webhook(row.get("id", Long.class), row.get("brand_id", Long.class), row.get("url", String.class),
				Arrays.asList(row.get("event_types", String[].class)),
				WebhookStatus.valueOf(row.get("status", String.class)),
				row.get("created_at", OffsetDateTime.class), row.get("failing_since", OffsetDateTime.class),
				row.get("disabled_at", OffsetDateTime.class), row.get("previous_secret_expires_at", OffsetDateTime.class));
	}
}
