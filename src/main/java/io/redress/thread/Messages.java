package io.redress.thread;

import java.time.OffsetDateTime;
import java.util.List;

import io.r2dbc.spi.Readable;
import io.redress.complaint.ModerationStatus;
import io.redress.shared.TextMask;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * The messages table; the author's shown name comes, in the same query, from the views the brand and complaint
 * modules publish ({@code brand_listing}, {@code complaint_authors}).
 */
@Repository
class Messages {

	static final String COLUMNS = """
			m.id, m.complaint_id, m.author_kind, m.visibility, m.body, m.created_at, m.moderation, m.redacted,
			m.kept_from_partners,
			CASE m.author_kind WHEN 'BRAND' THEN b.name WHEN 'PARTNER' THEN b.name WHEN 'SYSTEM' THEN 'Redress'
			     ELSE a.author_name END AS author_name""";

	/*
	 * Where message(row) reads each of COLUMNS: every statement selects them first and in this order (ThreadPages'
	 * reader columns too), so a row is read by position instead of searching its columns by name for each value
	 * (MessageColumnsTests checks the order).
	 */
	static final int ID = 0;
	static final int COMPLAINT_ID = 1;
	static final int AUTHOR_KIND = 2;
	static final int VISIBILITY = 3;
	static final int BODY = 4;
	static final int CREATED_AT = 5;
	static final int MODERATION = 6;
	static final int REDACTED = 7;
	static final int KEPT_FROM_PARTNERS = 8;
	static final int AUTHOR_NAME = 9;
	/** How many columns {@link #COLUMNS} holds: a statement's own columns after them start here. */
	static final int COLUMN_COUNT = 10;

	private static final String JOINS = """
			FROM messages m
			JOIN brand_listing b ON b.brand_id = coalesce(m.author_brand_id, m.brand_id)
			JOIN complaint_authors a ON a.complaint_id = m.complaint_id""";

	/** Empty when the author already posted under this idempotency key in this thread. */
	private static final String INSERT = """
			INSERT INTO messages (complaint_id, brand_id, author_kind, author_subject, visibility, body, public_body,
			                      idempotency_key, request_hash, author_brand_id, kept_from_partners)
			VALUES (:complaintId, :brandId, :authorKind, :authorSubject, :visibility, :body, :publicBody, :key, :hash,
			        :authorBrandId, :kept)
			ON CONFLICT (complaint_id, author_subject, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING
			RETURNING id""";

	private static final String BY_IDEMPOTENCY_KEY = """
			SELECT id, request_hash FROM messages
			WHERE complaint_id = :complaintId AND author_subject = :authorSubject AND idempotency_key = :key""";

	private static final String BY_ID = "SELECT %s %s WHERE m.id = :id".formatted(COLUMNS, JOINS);
	/** Messages whose public text is not written yet, locked so two nodes never mask the same ones. */
	private static final String UNMASKED = """
			SELECT id, body FROM messages WHERE public_body IS NULL ORDER BY id LIMIT :limit FOR UPDATE SKIP LOCKED""";

	private static final String SET_PUBLIC_BODIES = """
			UPDATE messages m SET public_body = masked.public_body
			FROM unnest(:ids::bigint[], :publicBodies::text[]) AS masked(id, public_body)
			WHERE m.id = masked.id AND m.public_body IS NULL""";

	/** The message's author as stored (a token subject), for moderation to tell them of a ruling. */
	private static final String AUTHOR = "SELECT author_subject FROM messages WHERE id = :id";

	private static final String MODERATE = """
			UPDATE messages SET moderation = :moderation, body = :body, public_body = :publicBody, redacted = :redacted
			WHERE id = :id""";

	private final DatabaseClient db;

	Messages(DatabaseClient db) {
		this.db = db;
	}

	Mono<Long> insert(long complaintId, long brandId, Message.AuthorKind kind, String authorSubject,
			MessageVisibility visibility, String body) {
		return insert(complaintId, brandId, kind, authorSubject, visibility, body, null, null, null, false);
	}

	/**
	 * Inserts, or returns empty when the author already posted under {@code idempotencyKey} in this thread; a
	 * partner's message names the partner brand it is shown as ({@code authorBrandId}).
	 */
	Mono<Long> insert(long complaintId, long brandId, Message.AuthorKind kind, String authorSubject,
			MessageVisibility visibility, String body, String idempotencyKey, String requestHash, Long authorBrandId,
			boolean keptFromPartners) {
		return db.sql(INSERT).bind("complaintId", complaintId).bind("brandId", brandId).bind("authorKind", kind.name())
				.bind("authorBrandId", Parameter.fromOrEmpty(authorBrandId, Long.class)).bind("kept", keptFromPartners)
				.bind("authorSubject", Parameter.fromOrEmpty(authorSubject, String.class))
				.bind("visibility", visibility.name()).bind("body", body).bind("publicBody", TextMask.mask(body))
				.bind("key", Parameter.fromOrEmpty(idempotencyKey, String.class))
				.bind("hash", Parameter.fromOrEmpty(requestHash, String.class))
				.map(row -> row.get("id", Long.class)).one();
	}

	/** The message the author posted under {@code idempotencyKey} in this thread, with the hash of that request. */
	Mono<IdempotentPost> byIdempotencyKey(long complaintId, String authorSubject, String idempotencyKey) {
		return db.sql(BY_IDEMPOTENCY_KEY).bind("complaintId", complaintId).bind("authorSubject", authorSubject)
				.bind("key", idempotencyKey)
				.map(row -> new IdempotentPost(row.get("id", Long.class), row.get("request_hash", String.class))).one();
	}

	/** A message posted under an idempotency key, and what made its request. */
	record IdempotentPost(long messageId, String requestHash) {
	}

	Mono<Message> findById(long id) {
		return db.sql(BY_ID).bind("id", id).map(Messages::message).one();
	}

	/** Up to {@code limit} messages without a public text, as (id, body), locked for the caller's transaction. */
	Flux<UnmaskedBody> unmaskedBodies(int limit) {
		return db.sql(UNMASKED).bind("limit", limit)
				.map(row -> new UnmaskedBody(row.get("id", Long.class), row.get("body", String.class))).all();
	}

	/** Writes the public text of each message: one statement for the batch; how many it wrote. */
	Mono<Long> writePublicBodies(List<UnmaskedBody> batch) {
		return db.sql(SET_PUBLIC_BODIES)
				.bind("ids", batch.stream().map(UnmaskedBody::id).toArray(Long[]::new))
				.bind("publicBodies", batch.stream().map(body -> TextMask.mask(body.body())).toArray(String[]::new))
				.fetch().rowsUpdated();
	}

	/** A message's id and text, before its public text is written. */
	record UnmaskedBody(long id, String body) {
	}

	/**
	 * Every message in the consumer's complaints, private ones included, by complaint and oldest first; never the
	 * brand's internal notes, which the consumer never reads.
	 */
	Flux<Message> inComplaintsOf(long consumerId, int limit) {
		return db.sql("""
				SELECT %s %s WHERE a.consumer_id = :consumerId AND m.visibility <> 'INTERNAL'
				ORDER BY m.complaint_id, m.id LIMIT :limit""".formatted(COLUMNS, JOINS))
				.bind("consumerId", consumerId).bind("limit", limit).map(Messages::message).all();
	}

	/** The messages {@code subject} posted as a member of a brand, oldest first. */
	Flux<Message> writtenForBrandsBy(String subject, int limit) {
		return db.sql("""
				SELECT %s %s WHERE m.author_subject = :subject AND m.author_kind IN ('BRAND', 'PARTNER')
				ORDER BY m.id LIMIT :limit""".formatted(COLUMNS, JOINS))
				.bind("subject", subject).bind("limit", limit).map(Messages::message).all();
	}

	/**
	 * Replaces the text of every private message in the consumer's complaints, and unlinks their authors and their
	 * retry keys.
	 */
	Mono<Void> erasePrivate(long consumerId, String replacement) {
		return db.sql("""
				UPDATE messages m SET body = :replacement, public_body = :publicReplacement, author_subject = NULL,
				                      idempotency_key = NULL, request_hash = NULL
				FROM complaint_authors a
				WHERE a.complaint_id = m.complaint_id AND a.consumer_id = :consumerId AND m.visibility = 'PRIVATE'""")
				.bind("consumerId", consumerId).bind("replacement", replacement)
				.bind("publicReplacement", TextMask.mask(replacement)).then();
	}

	/** The public messages in the consumer's complaints, locked until the transaction ends. */
	Flux<Message> lockPublicInComplaintsOf(long consumerId) {
		return db.sql("""
				SELECT %s %s WHERE a.consumer_id = :consumerId AND m.visibility = 'PUBLIC' ORDER BY m.id
				FOR UPDATE OF m""".formatted(COLUMNS, JOINS))
				.bind("consumerId", consumerId).map(Messages::message).all();
	}

	/** Writes each message's body as given (masked by the caller); unlinks its author and its retry key. */
	Mono<Void> rewrite(List<Message> rewritten) {
		if (rewritten.isEmpty()) {
			return Mono.empty();
		}
		return db.sql("""
				UPDATE messages m SET body = v.body, public_body = v.public_body, author_subject = NULL,
				                      idempotency_key = NULL, request_hash = NULL
				FROM unnest(:ids::bigint[], :bodies::text[], :publicBodies::text[]) AS v(id, body, public_body)
				WHERE m.id = v.id""")
				.bind("ids", rewritten.stream().map(Message::id).toArray(Long[]::new))
				.bind("bodies", rewritten.stream().map(Message::body).toArray(String[]::new))
				.bind("publicBodies", rewritten.stream().map(message -> TextMask.mask(message.body()))
						.toArray(String[]::new))
				.then();
	}

	/** Messages {@code subject} posted for a brand stay the brand's, naming nobody. */
	Mono<Void> unlinkAuthor(String subject) {
		return db.sql("UPDATE messages SET author_subject = NULL WHERE author_subject = :subject")
				.bind("subject", subject).then();
	}

	Mono<String> authorSubject(long id) {
		return db.sql(AUTHOR).bind("id", id).map(row -> row.get("author_subject", String.class)).one();
	}

	Mono<Void> moderate(long id, ModerationStatus moderation, String body, boolean redacted) {
		return db.sql(MODERATE).bind("id", id)
				.bind("moderation", Parameter.fromOrEmpty(moderation == null ? null : moderation.name(), String.class))
				.bind("body", body).bind("publicBody", TextMask.mask(body)).bind("redacted", redacted).then();
	}

	/** The message of a row whose statement selected {@link #COLUMNS} (or columns in their places) first. */
	static Message message(Readable row) {
		return new Message(row.get(ID, Long.class), row.get(COMPLAINT_ID, Long.class),
				Message.AuthorKind.valueOf(row.get(AUTHOR_KIND, String.class)), row.get(AUTHOR_NAME, String.class),
				MessageVisibility.valueOf(row.get(VISIBILITY, String.class)), row.get(BODY, String.class),
				row.get(CREATED_AT, OffsetDateTime.class), ModerationStatus.of(row.get(MODERATION, String.class)),
				Boolean.TRUE.equals(row.get(REDACTED, Boolean.class)),
				Boolean.TRUE.equals(row.get(KEPT_FROM_PARTNERS, Boolean.class)));
	}

	/** Keeps a private message from the partners in its case, or shows it to them again; whether it changed. */
	Mono<Boolean> keepFromPartners(long id, boolean kept) {
		return db.sql("""
				UPDATE messages SET kept_from_partners = :kept
				WHERE id = :id AND visibility = 'PRIVATE' AND kept_from_partners <> :kept""")
				.bind("id", id).bind("kept", kept).fetch().rowsUpdated().map(updated -> updated > 0);
	}
}
