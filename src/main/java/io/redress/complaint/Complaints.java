package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.Function;

import io.r2dbc.spi.Readable;
import io.redress.shared.Cursors;
import io.redress.shared.TextMask;
import io.redress.shared.GlobalId;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** The complaints table, joined with the account module's view of the consumer for the author's public name. */
@Repository
class Complaints {

	static final String COLUMNS = """
			c.id, c.brand_id, c.consumer_id, p.subject AS consumer_subject, p.public_name, c.title, c.description,
			c.category, c.order_reference, c.status, c.assignee, c.created_at, c.first_response_at,
			c.first_response_due_at, c.resolved_at, c.resolution_due_at, c.last_activity_at, c.moderation,
			c.redacted""";

	/*
	 * Where complaint(row) reads each of COLUMNS: every statement selects them first and in this order, so a row is
	 * read by position instead of searching its columns by name for each value (ComplaintColumnsTests checks the order).
	 */
	static final int ID = 0;
	static final int BRAND_ID = 1;
	static final int CONSUMER_ID = 2;
	static final int CONSUMER_SUBJECT = 3;
	static final int PUBLIC_NAME = 4;
	static final int TITLE = 5;
	static final int DESCRIPTION = 6;
	static final int CATEGORY = 7;
	static final int ORDER_REFERENCE = 8;
	static final int STATUS = 9;
	static final int ASSIGNEE = 10;
	static final int CREATED_AT = 11;
	static final int FIRST_RESPONSE_AT = 12;
	static final int FIRST_RESPONSE_DUE_AT = 13;
	static final int RESOLVED_AT = 14;
	static final int RESOLUTION_DUE_AT = 15;
	static final int LAST_ACTIVITY_AT = 16;
	static final int MODERATION = 17;
	static final int REDACTED = 18;
	/** How many columns {@link #COLUMNS} holds: a statement's own columns after them start here. */
	static final int COLUMN_COUNT = 19;

	private static final String BY_ID = """
			SELECT %s FROM complaints c JOIN account_profiles p ON p.profile_id = c.consumer_id WHERE c.id = :id""".formatted(COLUMNS);

	private static final String LOCK = """
			SELECT %s FROM complaints c JOIN account_profiles p ON p.profile_id = c.consumer_id WHERE c.id = :id
			FOR UPDATE OF c""".formatted(COLUMNS);

	private static final String BY_IDEMPOTENCY_KEY = """
			SELECT %s, c.request_hash FROM complaints c JOIN account_profiles p ON p.profile_id = c.consumer_id
			WHERE c.consumer_id = :consumerId AND c.idempotency_key = :key""".formatted(COLUMNS);

	private static final String INSERT = """
			INSERT INTO complaints (brand_id, consumer_id, title, public_title, description, category, order_reference,
			                        status, first_response_due_at, resolution_due_at, idempotency_key, request_hash)
			VALUES (:brandId, :consumerId, :title, :publicTitle, :description, :category, :orderReference, 'OPEN',
			        now() + make_interval(hours => :targetHours), now() + make_interval(days => :resolutionDays),
			        :key, :hash)
			ON CONFLICT (consumer_id, idempotency_key) DO NOTHING
			RETURNING id""";

	private static final String UPDATE_STATE = """
			UPDATE complaints SET status = :status, last_activity_at = now(),
			    first_response_at = CASE WHEN :respond THEN coalesce(first_response_at, now()) ELSE first_response_at END,
			    first_response_by = CASE WHEN :respond AND first_response_at IS NULL THEN :by ELSE first_response_by END,
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

	/** Inserts, or returns empty when the consumer already filed with this idempotency key. */
	Mono<Long> insert(NewComplaint complaint, long consumerId, int targetHours, int resolutionDays) {
		return db.sql(INSERT)
				.bind("brandId", complaint.brandId())
				.bind("consumerId", consumerId)
				.bind("title", complaint.title())
				.bind("publicTitle", TextMask.mask(complaint.title()))
				.bind("description", complaint.description())
				.bind("category", complaint.category().name())
				.bind("orderReference", Parameter.fromOrEmpty(complaint.orderReference(), String.class))
				.bind("targetHours", targetHours)
				.bind("resolutionDays", resolutionDays)
				.bind("key", Parameter.fromOrEmpty(complaint.idempotencyKey(), String.class))
				.bind("hash", Parameter.fromOrEmpty(complaint.requestHash(), String.class))
				.map(row -> row.get("id", Long.class)).one();
	}

	Mono<IdempotentFiling> byIdempotencyKey(long consumerId, String key) {
		return db.sql(BY_IDEMPOTENCY_KEY).bind("consumerId", consumerId).bind("key", key)
				.map(row -> new IdempotentFiling(complaint(row), row.get("request_hash", String.class))).one();
	}

	/**
	 * Moves a complaint to {@code status}; {@code respond} stamps the first brand response, and who sent it
	 * ({@code by}, when known), if not yet stamped.
	 */
	Mono<Void> updateState(long id, ComplaintStatus status, boolean respond, String by) {
		return db.sql(UPDATE_STATE).bind("id", id).bind("status", status.name()).bind("respond", respond)
				.bind("by", Parameter.fromOrEmpty(by, String.class)).then();
	}

	Mono<Void> assign(long id, String assignee) {
		return db.sql("UPDATE complaints SET assignee = :assignee, last_activity_at = now() WHERE id = :id")
				.bind("id", id).bind("assignee", assignee).then();
	}

	/** Something happened in the case that changed nothing else (a message): its last activity is now. */
	Mono<Void> touch(long id) {
		return db.sql("UPDATE complaints SET last_activity_at = now() WHERE id = :id").bind("id", id).then();
	}

	/** The consumer's complaints, locked until the transaction ends, oldest first. */
	Flux<Complaint> lockOfConsumer(long consumerId) {
		return db.sql("""
				SELECT %s FROM complaints c JOIN account_profiles p ON p.profile_id = c.consumer_id
				WHERE c.consumer_id = :consumerId ORDER BY c.id FOR UPDATE OF c""".formatted(COLUMNS))
				.bind("consumerId", consumerId).map(Complaints::complaint).all();
	}

	/**
	 * Writes each complaint's title and description as given (masked by the caller) and drops what only identified
	 * its consumer: the order reference, and the idempotency key with the hash of the request (which covered it).
	 */
	Mono<Void> anonymise(List<Complaint> complaints) {
		if (complaints.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("""
				UPDATE complaints c
				SET title = v.title, description = v.description, order_reference = NULL, idempotency_key = NULL,
				    request_hash = NULL
				FROM unnest(:ids::bigint[], :titles::text[], :descriptions::text[]) AS v(id, title, description)
				WHERE c.id = v.id""")
				.bind("ids", complaints.stream().map(Complaint::id).toArray(Long[]::new))
				.bind("titles", complaints.stream().map(Complaint::title).toArray(String[]::new))
				.bind("descriptions", complaints.stream().map(Complaint::writtenDescription).toArray(String[]::new))
				.then();
	}

	/** Cases assigned to {@code subject} are assigned to nobody, and first responses they sent are nobody's. */
	Mono<Void> unassign(String subject) {
		return db.sql("UPDATE complaints SET assignee = NULL WHERE assignee = :subject").bind("subject", subject)
				.then().then(db.sql("UPDATE complaints SET first_response_by = NULL WHERE first_response_by = :subject")
						.bind("subject", subject).then());
	}

	/** The consumer's complaints with their brands, newest first, for the consumer's data export. */
	Flux<Filed> personal(long consumerId, int limit) {
		return db.sql("""
				SELECT c.id, b.slug, b.name, c.title, c.description, c.category, c.order_reference, c.status,
				       c.created_at, c.first_response_at, c.resolved_at
				FROM complaints c JOIN brand_listing b ON b.brand_id = c.brand_id
				WHERE c.consumer_id = :consumerId ORDER BY c.created_at DESC, c.id DESC LIMIT :limit""")
				.bind("consumerId", consumerId).bind("limit", limit)
				.map(row -> new Filed(row.get("id", Long.class), new ComplaintPersonalData.FiledComplaint(
						GlobalId.encode(Complaint.TYPE, row.get("id", Long.class)),
						row.get("slug", String.class), row.get("name", String.class), row.get("title", String.class),
						row.get("description", String.class), row.get("category", String.class),
						row.get("order_reference", String.class), row.get("status", String.class),
						row.get("created_at", OffsetDateTime.class), row.get("first_response_at", OffsetDateTime.class),
						row.get("resolved_at", OffsetDateTime.class), List.of(), null)))
				.all();
	}

	/** A moderator's change: the complaint's moderation status, and its description with whether it is a redaction. */
	Mono<Void> moderate(long id, ModerationStatus moderation, String description, boolean redacted) {
		return db.sql(MODERATE).bind("id", id)
				.bind("moderation", Parameter.fromOrEmpty(moderation == null ? null : moderation.name(), String.class))
				.bind("description", description).bind("redacted", redacted).then();
	}

	/** The complaint of a row whose statement selected {@link #COLUMNS} first. */
	static Complaint complaint(Readable row) {
		return new Complaint(row.get(ID, Long.class), row.get(BRAND_ID, Long.class),
				row.get(CONSUMER_ID, Long.class), row.get(CONSUMER_SUBJECT, String.class),
				row.get(PUBLIC_NAME, String.class), row.get(TITLE, String.class),
				row.get(DESCRIPTION, String.class), ComplaintCategory.valueOf(row.get(CATEGORY, String.class)),
				row.get(ORDER_REFERENCE, String.class), ComplaintStatus.valueOf(row.get(STATUS, String.class)),
				row.get(ASSIGNEE, String.class), row.get(CREATED_AT, OffsetDateTime.class),
				row.get(FIRST_RESPONSE_AT, OffsetDateTime.class),
				row.get(FIRST_RESPONSE_DUE_AT, OffsetDateTime.class), row.get(RESOLVED_AT, OffsetDateTime.class),
				row.get(RESOLUTION_DUE_AT, OffsetDateTime.class), row.get(LAST_ACTIVITY_AT, OffsetDateTime.class),
				ModerationStatus.of(row.get(MODERATION, String.class)), Boolean.TRUE.equals(row.get(REDACTED, Boolean.class)),
				false, false, false);
	}

	/** A complaint of a consumer's data export, with its row id. */
	record Filed(long id, ComplaintPersonalData.FiledComplaint complaint) {
	}

	record IdempotentFiling(Complaint complaint, String requestHash) {
	}
}
