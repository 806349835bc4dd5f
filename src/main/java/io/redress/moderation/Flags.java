package io.redress.moderation;

import java.time.OffsetDateTime;
import java.util.Collection;

import io.r2dbc.spi.Readable;
import io.redress.shared.GlobalId;
import io.redress.shared.NotFoundException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** The flags table and each flag's audit trail ({@code flag_history}). */
@Repository
class Flags {

	/** Who acted, in the audit trail, once that person erased their account. */
	static final String ERASED_ACTOR = "[erased]";

	private static final String COLUMNS = """
			id, target_kind, target_id, complaint_id, brand_id, flagger_id, author_id, asked_by, reason, signal, note,
			status, hidden, ruling, ruled_by, created_at""";

	/** One open flag per flagger and target: a second insert finds the first and inserts nothing. */
	private static final String INSERT = """
			INSERT INTO flags (target_kind, target_id, complaint_id, brand_id, flagger_id, author_id, asked_by, reason,
			                   note, status)
			VALUES (:targetKind, :targetId, :complaintId, :brandId, :flaggerId, :authorId, :askedBy, :reason, :note, 'OPEN')
			ON CONFLICT (flagger_id, target_kind, target_id) WHERE status = 'OPEN' DO NOTHING
			RETURNING id""";

	/** A signal's flag on a complaint, once per rule and complaint ever: a second insert inserts nothing. */
	private static final String INSERT_SIGNAL = """
			INSERT INTO flags (target_kind, target_id, complaint_id, brand_id, author_id, asked_by, reason, signal, note,
			                   status)
			VALUES ('COMPLAINT', :complaintId, :complaintId, :brandId, :authorId, 'PLATFORM', 'NOT_A_REAL_CASE', :signal,
			        :note, 'OPEN')
			ON CONFLICT (target_id, signal) WHERE signal IS NOT NULL DO NOTHING
			RETURNING id""";

	/** The open signal flags on a batch of complaints, oldest first. */
	private static final String OPEN_SIGNALS = """
			SELECT %s FROM flags
			WHERE target_kind = 'COMPLAINT' AND target_id = ANY(:complaintIds) AND signal IS NOT NULL AND status = 'OPEN'
			ORDER BY target_id, id
			LIMIT :limit""".formatted(COLUMNS);

	private static final String BY_ID = "SELECT %s FROM flags WHERE id = :id".formatted(COLUMNS);

	private static final String LOCK = "SELECT %s FROM flags WHERE id = :id FOR UPDATE".formatted(COLUMNS);

	/** The queue, oldest first; without a status, the flags that wait for a moderator (open or appealed). */
	private static final String QUEUE = """
			SELECT %s FROM flags
			WHERE (:reason::text IS NULL OR reason = :reason)
			  AND (CASE WHEN :status::text IS NULL THEN status IN ('OPEN', 'APPEALED') ELSE status = :status END)
			  AND id > :afterId
			ORDER BY id LIMIT :limit""".formatted(COLUMNS);

	private static final String UPDATE = """
			UPDATE flags SET status = :status, hidden = :hidden, ruling = :ruling, ruled_by = :ruledBy WHERE id = :id""";

	private static final String RECORD = """
			INSERT INTO flag_history (flag_id, action, actor, ruling, reason, note, redacted_text, original_text)
			VALUES (:flagId, :action, :actor, :ruling, :reason, :note, :redactedText, :originalText)""";

	private static final String HISTORY = """
			SELECT flag_id, action, actor, ruling, reason, note, redacted_text, original_text, at FROM flag_history
			WHERE flag_id = ANY(:flagIds) ORDER BY flag_id, id""";

	private final DatabaseClient db;

	/** The flags a person raised, newest first, at most {@code limit}. */
	Flux<Flag> raisedBy(long profileId, int limit) {
		return db.sql("SELECT %s FROM flags WHERE flagger_id = :profileId ORDER BY id DESC LIMIT :limit"
				.formatted(COLUMNS)).bind("profileId", profileId).bind("limit", limit).map(Flags::flag).all();
	}

	/**
	 * Forgets one person inside the caller's transaction: the notes they wrote on flags and appeals, the original
	 * text of redactions of their content, and their token subject wherever it recorded who acted. The flags, rulings
	 * and the ledger stay, so what moderation did stays accountable.
	 */
	Mono<Void> forget(Long profileId, String subject) {
		Mono<Void> asSubject = db.sql("UPDATE flag_history SET actor = :erased WHERE actor = :subject")
				.bind("erased", ERASED_ACTOR).bind("subject", subject).then()
				.then(db.sql("UPDATE flags SET ruled_by = NULL WHERE ruled_by = :subject").bind("subject", subject).then());
		if (profileId == null) {
			return asSubject;
		}
		return db.sql("UPDATE flags SET note = NULL WHERE flagger_id = :profileId").bind("profileId", profileId).then()
				.then(db.sql("""
						UPDATE flag_history h SET note = NULL,
						    original_text = CASE WHEN f.author_id = :profileId THEN NULL ELSE h.original_text END
						FROM flags f
						WHERE h.flag_id = f.id AND (f.flagger_id = :profileId OR f.author_id = :profileId)
						  AND (h.action IN ('FLAGGED', 'APPEALED') OR f.author_id = :profileId)""")
						.bind("profileId", profileId).then())
				.then(asSubject);
	}

	Flags(DatabaseClient db) {
		this.db = db;
	}

	/** The new flag's id; empty when the flagger already has an open flag on the target. */
	Mono<Long> insert(Flag flag) {
		return db.sql(INSERT).bind("targetKind", flag.targetKind().name()).bind("targetId", flag.targetId())
				.bind("complaintId", flag.complaintId()).bind("brandId", flag.brandId())
				.bind("flaggerId", flag.flaggerId()).bind("authorId", Parameter.fromOrEmpty(flag.authorId(), Long.class))
				.bind("askedBy", flag.askedBy().name()).bind("reason", flag.reason().name())
				.bind("note", Parameter.fromOrEmpty(flag.note(), String.class))
				.map(row -> row.get("id", Long.class)).one();
	}

	/** The new flag's id; empty when the rule already flagged the complaint, whatever became of that flag. */
	Mono<Long> insertSignal(SignalRule signal, long complaintId, long brandId, long authorId, String note) {
		return db.sql(INSERT_SIGNAL).bind("complaintId", complaintId).bind("brandId", brandId)
				.bind("authorId", authorId).bind("signal", signal.name()).bind("note", note)
				.map(row -> row.get("id", Long.class)).one();
	}

	/** The signal flags still waiting for a moderator on these complaints, oldest first. */
	Flux<Flag> openSignals(Collection<Long> complaintIds) {
		return db.sql(OPEN_SIGNALS).bind("complaintIds", complaintIds.toArray(Long[]::new))
				.bind("limit", complaintIds.size() * SignalRule.values().length).map(Flags::flag).all();
	}

	Mono<Flag> findById(long id) {
		return db.sql(BY_ID).bind("id", id).map(Flags::flag).one();
	}

	/** The flag, locked until the transaction ends: steps on one flag happen one at a time. */
	Mono<Flag> lock(long id) {
		return db.sql(LOCK).bind("id", id).map(Flags::flag).one();
	}

	/** The flag of a global id, locked for the transaction; NOT_FOUND when there is none. */
	Mono<Flag> lock(String flagId) {
		return Mono.justOrEmpty(GlobalId.decode(flagId, Flag.TYPE)).flatMap(this::lock)
				.switchIfEmpty(Mono.error(() -> new NotFoundException("Flag")));
	}

	Flux<Flag> queue(FlagReason reason, FlagStatus status, long afterId, int limit) {
		return db.sql(QUEUE).bind("reason", Parameter.fromOrEmpty(reason == null ? null : reason.name(), String.class))
				.bind("status", Parameter.fromOrEmpty(status == null ? null : status.name(), String.class))
				.bind("afterId", afterId).bind("limit", limit).map(Flags::flag).all();
	}

	Mono<Void> update(long id, FlagStatus status, boolean hidden, Ruling ruling, String ruledBy) {
		return db.sql(UPDATE).bind("id", id).bind("status", status.name()).bind("hidden", hidden)
				.bind("ruling", Parameter.fromOrEmpty(ruling == null ? null : ruling.name(), String.class))
				.bind("ruledBy", Parameter.fromOrEmpty(ruledBy, String.class)).then();
	}

	Mono<Void> record(FlagHistoryEntry entry) {
		return db.sql(RECORD).bind("flagId", entry.flagId()).bind("action", entry.action().name())
				.bind("actor", entry.actor())
				.bind("ruling", Parameter.fromOrEmpty(entry.ruling() == null ? null : entry.ruling().name(), String.class))
				.bind("reason", Parameter.fromOrEmpty(entry.reason(), String.class))
				.bind("note", Parameter.fromOrEmpty(entry.note(), String.class))
				.bind("redactedText", Parameter.fromOrEmpty(entry.redactedText(), String.class))
				.bind("originalText", Parameter.fromOrEmpty(entry.originalText(), String.class)).then();
	}

	/** The audit trails of a batch of flags, oldest step first: one statement. */
	Flux<FlagHistoryEntry> history(Collection<Long> flagIds) {
		return db.sql(HISTORY).bind("flagIds", flagIds.toArray(Long[]::new))
				.map(row -> new FlagHistoryEntry(row.get("flag_id", Long.class),
						FlagHistoryEntry.Action.valueOf(row.get("action", String.class)), row.get("actor", String.class),
						row.get("ruling", String.class) == null ? null : Ruling.valueOf(row.get("ruling", String.class)),
						row.get("reason", String.class), row.get("note", String.class),
						row.get("redacted_text", String.class), row.get("original_text", String.class),
						row.get("at", OffsetDateTime.class)))
				.all();
	}

	private static Flag flag(Readable row) {
		String ruling = row.get("ruling", String.class);
		return new Flag(row.get("id", Long.class), Flag.TargetKind.valueOf(row.get("target_kind", String.class)),
				row.get("target_id", Long.class), row.get("complaint_id", Long.class), row.get("brand_id", Long.class),
				row.get("flagger_id", Long.class), row.get("author_id", Long.class),
				AskedBy.valueOf(row.get("asked_by", String.class)), FlagReason.valueOf(row.get("reason", String.class)),
				SignalRule.of(row.get("signal", String.class)), row.get("note", String.class), FlagStatus.valueOf(row.get("status", String.class)),
				Boolean.TRUE.equals(row.get("hidden", Boolean.class)), ruling == null ? null : Ruling.valueOf(ruling),
				row.get("ruled_by", String.class), row.get("created_at", OffsetDateTime.class), false);
	}
}
