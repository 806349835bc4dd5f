package io.redress.moderation;

import java.time.OffsetDateTime;
import java.util.Collection;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** The public moderation ledger ({@code moderation_ledger}): every hold, release, removal and reinstatement. */
@Repository
class Ledger {

	private static final String APPEND = """
			INSERT INTO moderation_ledger (brand_id, complaint_id, action, reason, public_reason, asked_by)
			VALUES (:brandId, :complaintId, :action, :reason, :publicReason, :askedBy)""";

	/** Each complaint stands where its latest line left it; held and removed ones count, by brand and reason. */
	private static final String COUNTS = """
			WITH latest AS (
			  SELECT DISTINCT ON (complaint_id) brand_id, complaint_id, action, reason FROM moderation_ledger
			  WHERE brand_id = ANY(:brandIds) ORDER BY complaint_id, id DESC)
			SELECT brand_id, action, reason, count(*) AS complaints FROM latest
			WHERE action IN ('HELD', 'REMOVED')
			GROUP BY brand_id, action, reason""";

	/** The same page of several brands' ledgers, newest first, in one statement. */
	private static final String PAGES = """
			SELECT * FROM (
			  SELECT id, brand_id, action, at, reason, public_reason, asked_by,
			         row_number() OVER (PARTITION BY brand_id ORDER BY id DESC) AS position
			  FROM moderation_ledger WHERE brand_id = ANY(:brandIds) AND id < :beforeId) ranked
			WHERE ranked.position <= :limit
			ORDER BY ranked.brand_id, ranked.id DESC""";

	private final DatabaseClient db;

	Ledger(DatabaseClient db) {
		this.db = db;
	}

	Mono<Void> append(Flag flag, LedgerEntry.Action action, String publicReason) {
		return db.sql(APPEND).bind("brandId", flag.brandId()).bind("complaintId", flag.complaintId())
				.bind("action", action.name()).bind("reason", flag.reason().name())
				.bind("publicReason", Parameter.fromOrEmpty(publicReason, String.class))
				.bind("askedBy", flag.askedBy().name()).then();
	}

	Flux<Count> counts(Collection<Long> brandIds) {
		return db.sql(COUNTS).bind("brandIds", brandIds.toArray(Long[]::new))
				.map(row -> new Count(row.get("brand_id", Long.class),
						LedgerEntry.Action.valueOf(row.get("action", String.class)),
						FlagReason.valueOf(row.get("reason", String.class)), row.get("complaints", Long.class).intValue()))
				.all();
	}

	/** Up to {@code limit} lines of each brand's ledger before {@code beforeId}, newest first. */
	Flux<LedgerEntry> pages(Collection<Long> brandIds, long beforeId, int limit) {
		return db.sql(PAGES).bind("brandIds", brandIds.toArray(Long[]::new)).bind("beforeId", beforeId)
				.bind("limit", limit)
				.map(row -> new LedgerEntry(row.get("id", Long.class), row.get("brand_id", Long.class),
						LedgerEntry.Action.valueOf(row.get("action", String.class)), row.get("at", OffsetDateTime.class),
						FlagReason.valueOf(row.get("reason", String.class)), row.get("public_reason", String.class),
						AskedBy.valueOf(row.get("asked_by", String.class))))
				.all();
	}

	/** How many of a brand's complaints stand held or removed for one reason. */
	record Count(long brandId, LedgerEntry.Action action, FlagReason reason, int complaints) {
	}
}
