package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.Collection;

import io.r2dbc.spi.Readable;
import io.redress.shared.TextMask;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** The proposals table. */
@Repository
class Proposals {

	private static final String COLUMNS = """
			id, complaint_id, kind, summary, due_at, status, proposed_at, answered_at, rejection_reason""";

	private static final String INSERT = """
			INSERT INTO proposals (complaint_id, brand_id, kind, summary, due_at, status, proposed_by)
			VALUES (:complaintId, :brandId, :kind, :summary, :dueAt, 'PROPOSED', :proposedBy)
			RETURNING %s""".formatted(COLUMNS);

	private static final String ANSWER = """
			UPDATE proposals SET status = :status, answered_at = now(), rejection_reason = :reason
			WHERE complaint_id = :complaintId AND status = 'PROPOSED'
			RETURNING %s""".formatted(COLUMNS);

	/** The latest proposal of each complaint, in one statement for a whole page. */
	private static final String LATEST = """
			SELECT DISTINCT ON (complaint_id) %s FROM proposals
			WHERE complaint_id = ANY(:complaintIds) ORDER BY complaint_id, id DESC""".formatted(COLUMNS);

	/** Complaints whose proposal went unanswered past the answer window, oldest first. */
	private static final String EXPIRED = """
			SELECT complaint_id FROM proposals
			WHERE status = 'PROPOSED' AND proposed_at < now() - make_interval(days => :days)
			ORDER BY proposed_at LIMIT :limit""";

	private final DatabaseClient db;

	Proposals(DatabaseClient db) {
		this.db = db;
	}

	Mono<Proposal> insert(long complaintId, long brandId, ProposalKind kind, String summary, OffsetDateTime dueAt,
			String proposedBy) {
		return db.sql(INSERT).bind("complaintId", complaintId).bind("brandId", brandId).bind("kind", kind.name())
				.bind("summary", summary).bind("dueAt", Parameter.fromOrEmpty(dueAt, OffsetDateTime.class))
				.bind("proposedBy", proposedBy)
				.map(Proposals::proposal).one();
	}

	/** Answers the open proposal of a complaint; empty when there is none. */
	Mono<Proposal> answer(long complaintId, Proposal.Status status, String reason) {
		return db.sql(ANSWER).bind("complaintId", complaintId).bind("status", status.name())
				.bind("reason", Parameter.fromOrEmpty(reason, String.class))
				.map(Proposals::proposal).one();
	}

	Flux<Proposal> latest(Collection<Long> complaintIds) {
		return db.sql(LATEST).bind("complaintIds", complaintIds.toArray(Long[]::new)).map(Proposals::proposal).all();
	}

	Flux<Long> expired(int days, int limit) {
		return db.sql(EXPIRED).bind("days", days).bind("limit", limit)
				.map(row -> row.get("complaint_id", Long.class)).all();
	}

	/** Every proposal on the complaints, oldest first. */
	Flux<Proposal> allOf(Collection<Long> complaintIds) {
		return db.sql("""
				SELECT %s FROM proposals WHERE complaint_id = ANY(:complaintIds) ORDER BY complaint_id, id""".formatted(COLUMNS))
				.bind("complaintIds", complaintIds.toArray(Long[]::new)).map(Proposals::proposal).all();
	}

	/** Masks, for good, the reasons the consumer gave for rejecting proposals on their complaints. */
	Mono<Void> maskRejectionReasons(long consumerId) {
		return db.sql("""
				SELECT p.id, p.rejection_reason FROM proposals p JOIN complaints c ON c.id = p.complaint_id
				WHERE c.consumer_id = :consumerId AND p.rejection_reason IS NOT NULL""")
				.bind("consumerId", consumerId)
				.map(row -> new Masked(row.get("id", Long.class),
						TextMask.maskToStore(row.get("rejection_reason", String.class), ResolutionManagement.MAX_REASON)))
				.all().collectList()
				.flatMap(masked -> masked.isEmpty() ? Mono.empty() : db.sql("""
						UPDATE proposals p SET rejection_reason = v.reason
						FROM unnest(:ids::bigint[], :reasons::text[]) AS v(id, reason) WHERE p.id = v.id""")
						.bind("ids", masked.stream().map(Masked::id).toArray(Long[]::new))
						.bind("reasons", masked.stream().map(Masked::text).toArray(String[]::new))
						.then());
	}

	/** Proposals made by {@code subject} name nobody. */
	Mono<Void> forgetProposer(String subject) {
		return db.sql("UPDATE proposals SET proposed_by = NULL WHERE proposed_by = :subject")
				.bind("subject", subject).then();
	}

	private static Proposal proposal(Readable row) {
		return new Proposal(row.get("id", Long.class), row.get("complaint_id", Long.class),
				ProposalKind.valueOf(row.get("kind", String.class)), row.get("summary", String.class),
				row.get("due_at", OffsetDateTime.class), Proposal.Status.valueOf(row.get("status", String.class)),
				row.get("proposed_at", OffsetDateTime.class), row.get("answered_at", OffsetDateTime.class),
				row.get("rejection_reason", String.class));
	}

	/** A text masked for good, by the id of its row. */
	record Masked(long id, String text) {
	}
}
