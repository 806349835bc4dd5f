package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.Collection;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** Partners in cases: which brand a complaint's brand brought in, when, and whether it declined. */
@Repository
class ComplaintPartners {

	/**
	 * The partner the subject takes part in a complaint for: a brand involved in it (not declined) in whose team the
	 * subject holds a role. Read from the brand module's published view of roles, in one statement.
	 */
	static final String SEAT = """
			SELECT cp.partner_brand_id FROM complaint_partners cp
			JOIN brand_roles r ON r.brand_id = cp.partner_brand_id AND r.subject = :subject
			WHERE cp.complaint_id = :complaintId AND cp.status = 'INVOLVED'
			ORDER BY cp.joined_at LIMIT 1""";

	/**
	 * The same, as a column read with each row of a page of complaints {@code c}, for the signed-in viewer
	 * {@code :viewer} (an anonymous reader's page reads none).
	 */
	static final String VIEWER_PARTNER = """
			(SELECT cp.partner_brand_id FROM complaint_partners cp
			 JOIN brand_roles r ON r.brand_id = cp.partner_brand_id AND r.subject = :viewer
			 WHERE cp.complaint_id = c.id AND cp.status = 'INVOLVED'
			 ORDER BY cp.joined_at LIMIT 1) AS viewer_partner""";

	/** Brings a partner in, or back in after it declined; nothing when it is involved already. */
	private static final String INVOLVE = """
			INSERT INTO complaint_partners (complaint_id, partner_brand_id, brand_id, status, note)
			VALUES (:complaintId, :partnerId, :brandId, 'INVOLVED', :note)
			ON CONFLICT (complaint_id, partner_brand_id) DO UPDATE
			SET status = 'INVOLVED', note = excluded.note, joined_at = now(), first_response_at = NULL,
			    declined_at = NULL, decline_reason = NULL
			WHERE complaint_partners.status = 'DECLINED'
			RETURNING joined_at""";

	private static final String DECLINE = """
			UPDATE complaint_partners SET status = 'DECLINED', declined_at = now(), decline_reason = :reason
			WHERE complaint_id = :complaintId AND partner_brand_id = :partnerId AND status = 'INVOLVED'""";

	private static final String FIRST_RESPONSE = """
			UPDATE complaint_partners SET first_response_at = now()
			WHERE complaint_id = :complaintId AND partner_brand_id = :partnerId AND first_response_at IS NULL""";

	/** The partners of many complaints, at most {@link PartnerInvolvement#MAX_PARTNERS} each by the rule that adds them. */
	private static final String OF_COMPLAINTS = """
			SELECT complaint_id, partner_brand_id, status, note, joined_at, first_response_at, declined_at, decline_reason
			FROM complaint_partners WHERE complaint_id = ANY(:complaintIds)
			ORDER BY complaint_id, joined_at, partner_brand_id""";

	/** The cases a brand is involved in now, newest first, bounded: what its brand events follow. */
	private static final String CASES_OF = """
			SELECT complaint_id FROM complaint_partners WHERE partner_brand_id = :partnerId AND status = 'INVOLVED'
			ORDER BY joined_at DESC LIMIT :limit""";

	private final DatabaseClient db;

	ComplaintPartners(DatabaseClient db) {
		this.db = db;
	}

	Mono<Long> seatOf(long complaintId, String subject) {
		return db.sql(SEAT).bind("complaintId", complaintId).bind("subject", subject)
				.map(row -> row.get("partner_brand_id", Long.class)).one();
	}

	/** How many partners a complaint has had (declined ones included). */
	Mono<Long> count(long complaintId) {
		return db.sql("SELECT count(*) AS n FROM complaint_partners WHERE complaint_id = :complaintId")
				.bind("complaintId", complaintId).map(row -> row.get("n", Long.class)).one();
	}

	/** When the partner joined; empty when it was involved already. */
	Mono<OffsetDateTime> involve(long complaintId, long partnerId, long brandId, String note) {
		return db.sql(INVOLVE).bind("complaintId", complaintId).bind("partnerId", partnerId).bind("brandId", brandId)
				.bind("note", Parameter.fromOrEmpty(note, String.class))
				.map(row -> row.get("joined_at", OffsetDateTime.class)).one();
	}

	/** Whether the partner was involved and now declined. */
	Mono<Boolean> decline(long complaintId, long partnerId, String reason) {
		return db.sql(DECLINE).bind("complaintId", complaintId).bind("partnerId", partnerId).bind("reason", reason)
				.fetch().rowsUpdated().map(updated -> updated > 0);
	}

	Mono<Void> stampFirstResponse(long complaintId, long partnerId) {
		return db.sql(FIRST_RESPONSE).bind("complaintId", complaintId).bind("partnerId", partnerId).then();
	}

	Flux<ComplaintPartner> ofComplaints(Collection<Long> complaintIds) {
		return db.sql(OF_COMPLAINTS).bind("complaintIds", complaintIds.toArray(Long[]::new))
				.map(ComplaintPartners::partner).all();
	}

	Flux<Long> casesOf(long partnerId, int limit) {
		return db.sql(CASES_OF).bind("partnerId", partnerId).bind("limit", limit)
				.map(row -> row.get("complaint_id", Long.class)).all();
	}

	private static ComplaintPartner partner(Readable row) {
		return new ComplaintPartner(row.get("complaint_id", Long.class), row.get("partner_brand_id", Long.class),
				ComplaintPartner.Status.valueOf(row.get("status", String.class)), row.get("note", String.class),
				row.get("joined_at", OffsetDateTime.class), row.get("first_response_at", OffsetDateTime.class),
				row.get("declined_at", OffsetDateTime.class), row.get("decline_reason", String.class));
	}
}
