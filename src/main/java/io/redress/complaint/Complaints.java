package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import io.redress.shared.Cursors;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** The complaints table, joined with the account module's view of the consumer for the author's public name. */
@Repository
class Complaints {

	private static final String COLUMNS = """
			c.id, c.brand_id, c.consumer_id, p.subject AS consumer_subject, p.public_name, c.title, c.description,
			c.category, c.order_reference, c.status, c.assignee, c.created_at, c.first_response_at,
			c.first_response_due_at, c.resolved_at, c.moderation, c.redacted""";

	private static final String BY_ID = """
			SELECT %s FROM complaints c JOIN account_profiles p ON p.profile_id = c.consumer_id WHERE c.id = :id""".formatted(COLUMNS);

	private static final String LOCK = """
			SELECT %s FROM complaints c JOIN account_profiles p ON p.profile_id = c.consumer_id WHERE c.id = :id
			FOR UPDATE OF c""".formatted(COLUMNS);

	private static final String BY_IDEMPOTENCY_KEY = """
			SELECT %s, c.request_hash FROM complaints c JOIN account_profiles p ON p.profile_id = c.consumer_id
			WHERE c.consumer_id = :consumerId AND c.idempotency_key = :key""".formatted(COLUMNS);

	/** One keyset page of a feed, newest first; every filter is optional. */
	private static final String PAGE = """
			SELECT %s FROM complaints c JOIN account_profiles p ON p.profile_id = c.consumer_id
			WHERE (:brandId::bigint IS NULL OR c.brand_id = :brandId)
			  AND (:consumerId::bigint IS NULL OR c.consumer_id = :consumerId)
			  AND (:status::text IS NULL OR c.status = :status)
			  AND (:category::text IS NULL OR c.category = :category)
			  AND (:pattern::text IS NULL OR lower(c.title) LIKE :pattern ESCAPE '\\')
			  AND (:publicOnly = false OR (c.status <> 'WITHDRAWN' AND c.moderation IS DISTINCT FROM 'HIDDEN'
			                               AND c.moderation IS DISTINCT FROM 'REMOVED'))
			  AND (:afterTime::timestamptz IS NULL OR (c.created_at, c.id) < (:afterTime, :afterId))
			ORDER BY c.created_at DESC, c.id DESC
			LIMIT :limit""".formatted(COLUMNS);

	private static final String INSERT = """
			INSERT INTO complaints (brand_id, consumer_id, title, description, category, order_reference, status,
			                        first_response_due_at, idempotency_key, request_hash)
			VALUES (:brandId, :consumerId, :title, :description, :category, :orderReference, 'OPEN',
			        now() + make_interval(hours => :targetHours), :key, :hash)
			ON CONFLICT (consumer_id, idempotency_key) DO NOTHING
			RETURNING id""";

	private static final String UPDATE_STATE = """
			UPDATE complaints SET status = :status,
			    first_response_at = CASE WHEN :respond THEN coalesce(first_response_at, now()) ELSE first_response_at END,
			    resolved_at = CASE WHEN :status IN ('RESOLVED', 'UNRESOLVED') THEN now()
			                       WHEN :status IN ('IN_PROGRESS', 'RESOLUTION_PROPOSED') THEN NULL
			                       ELSE resolved_at END
			WHERE id = :id""";

	private static final String MODERATE = """
			UPDATE complaints SET moderation = :moderation, description = :description, redacted = :redacted
			WHERE id = :id""";

	/** A feed cursor: creation time and id, newest first. */
	static final Function<Complaint, String> CURSOR = complaint -> Cursors
			.encode(complaint.createdAt().toString(), complaint.id());

	private final DatabaseClient db;

	Complaints(DatabaseClient db) {
		this.db = db;
	}

	Mono<Complaint> findById(long id) {
		return db.sql(BY_ID).bind("id", id).map(Complaints::complaint).one();
	}

	/** The complaint, locked until the transaction ends: lifecycle changes to one complaint happen one at a time. */
	Mono<Complaint> lock(long id) {
		return db.sql(LOCK).bind("id", id).map(Complaints::complaint).one();
	}

	Flux<Complaint> page(ComplaintQuery query, int limit) {
		return db.sql(PAGE)
				.bind("brandId", Parameter.fromOrEmpty(query.brandId(), Long.class))
				.bind("consumerId", Parameter.fromOrEmpty(query.consumerId(), Long.class))
				.bind("status", Parameter.fromOrEmpty(query.status() == null ? null : query.status().name(), String.class))
				.bind("category",
						Parameter.fromOrEmpty(query.category() == null ? null : query.category().name(), String.class))
				.bind("pattern", Parameter.fromOrEmpty(query.titlePattern(), String.class))
				.bind("publicOnly", query.consumerId() == null)
				.bind("afterTime", Parameter.fromOrEmpty(query.afterTime(), OffsetDateTime.class))
				.bind("afterId", query.afterId())
				.bind("limit", limit)
				.map(Complaints::complaint).all();
	}

	/** Inserts, or returns empty when the consumer already filed with this idempotency key. */
	Mono<Long> insert(NewComplaint complaint, long consumerId, int targetHours) {
		return db.sql(INSERT)
				.bind("brandId", complaint.brandId())
				.bind("consumerId", consumerId)
				.bind("title", complaint.title())
				.bind("description", complaint.description())
				.bind("category", complaint.category().name())
				.bind("orderReference", Parameter.fromOrEmpty(complaint.orderReference(), String.class))
				.bind("targetHours", targetHours)
				.bind("key", Parameter.fromOrEmpty(complaint.idempotencyKey(), String.class))
				.bind("hash", Parameter.fromOrEmpty(complaint.requestHash(), String.class))
				.map(row -> row.get("id", Long.class)).one();
	}

	Mono<IdempotentFiling> byIdempotencyKey(long consumerId, String key) {
		return db.sql(BY_IDEMPOTENCY_KEY).bind("consumerId", consumerId).bind("key", key)
				.map(row -> new IdempotentFiling(complaint(row), row.get("request_hash", String.class))).one();
	}

	/** Moves a complaint to {@code status}; {@code respond} stamps the first brand response if not yet stamped. */
	Mono<Void> updateState(long id, ComplaintStatus status, boolean respond) {
		return db.sql(UPDATE_STATE).bind("id", id).bind("status", status.name()).bind("respond", respond)
				.then();
	}

	Mono<Void> assign(long id, String assignee) {
		return db.sql("UPDATE complaints SET assignee = :assignee WHERE id = :id")
				.bind("id", id).bind("assignee", assignee).then();
	}

	/** A moderator's change: the complaint's moderation status, and its description with whether it is a redaction. */
	Mono<Void> moderate(long id, ModerationStatus moderation, String description, boolean redacted) {
		return db.sql(MODERATE).bind("id", id)
				.bind("moderation", Parameter.fromOrEmpty(moderation == null ? null : moderation.name(), String.class))
				.bind("description", description).bind("redacted", redacted).then();
	}

	static Complaint complaint(Readable row) {
		return new Complaint(row.get("id", Long.class), row.get("brand_id", Long.class),
				row.get("consumer_id", Long.class), row.get("consumer_subject", String.class),
				row.get("public_name", String.class), row.get("title", String.class),
				row.get("description", String.class), ComplaintCategory.valueOf(row.get("category", String.class)),
				row.get("order_reference", String.class), ComplaintStatus.valueOf(row.get("status", String.class)),
				row.get("assignee", String.class), row.get("created_at", OffsetDateTime.class),
				row.get("first_response_at", OffsetDateTime.class),
				row.get("first_response_due_at", OffsetDateTime.class), row.get("resolved_at", OffsetDateTime.class),
				ModerationStatus.of(row.get("moderation", String.class)), Boolean.TRUE.equals(row.get("redacted", Boolean.class)),
				false);
	}

	record IdempotentFiling(Complaint complaint, String requestHash) {
	}
}
