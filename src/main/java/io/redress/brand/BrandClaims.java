package io.redress.brand;

import java.time.OffsetDateTime;
import java.util.Collection;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The brand_claims table. */
@Repository
class BrandClaims {

	private static final String COLUMNS = "id, brand_id, claimant, evidence, status, created_at, decided_at";

	private static final String INSERT = """
			INSERT INTO brand_claims (brand_id, claimant, evidence, status)
			VALUES (:brandId, :claimant, :evidence, 'PENDING')
			RETURNING %s""".formatted(COLUMNS);

	private static final String PENDING = """
			SELECT %s FROM brand_claims WHERE brand_id = :brandId AND status = 'PENDING'
			ORDER BY created_at LIMIT 100""".formatted(COLUMNS);

	/** How many claims on one brand a page of brands shows: the latest. */
	static final int MAX_SHOWN = 100;

	/**
	 * The latest claims on each brand the viewer may see, oldest first, in one statement: a lateral join bounds each
	 * brand's list through its (brand_id, created_at, id) index.
	 */
	private static final String VISIBLE = """
			SELECT c.id, c.brand_id, c.claimant, c.evidence, c.status, c.created_at, c.decided_at
			FROM unnest(:brandIds::bigint[]) AS wanted(brand_id)
			CROSS JOIN LATERAL (
			  SELECT * FROM brand_claims c
			  WHERE c.brand_id = wanted.brand_id AND (:moderator OR c.claimant = :subject)
			  ORDER BY c.created_at DESC, c.id DESC
			  LIMIT :limit) c
			ORDER BY c.brand_id, c.created_at, c.id""";

	private final DatabaseClient db;

	BrandClaims(DatabaseClient db) {
		this.db = db;
	}

	Mono<BrandClaim> insert(long brandId, String claimant, String evidence) {
		return db.sql(INSERT)
				.bind("brandId", brandId).bind("claimant", claimant).bind("evidence", evidence)
				.map(BrandClaims::claim).one();
	}

	Flux<BrandClaim> pending(long brandId) {
		return db.sql(PENDING)
				.bind("brandId", brandId).map(BrandClaims::claim).all();
	}

	/** The latest {@link #MAX_SHOWN} claims of many brands in one statement: moderators see all, others their own. */
	Flux<BrandClaim> visibleClaims(Collection<Long> brandIds, String viewerSubject, boolean moderator) {
		return db.sql(VISIBLE)
				.bind("brandIds", brandIds.toArray(Long[]::new))
				.bind("subject", viewerSubject == null ? "" : viewerSubject)
				.bind("moderator", moderator)
				.bind("limit", MAX_SHOWN)
				.map(BrandClaims::claim).all();
	}

	/** Approves one claim and turns down the other pending claims on the same brand. */
	Mono<Long> decide(long brandId, long approvedId, String moderator) {
		return db.sql("""
				UPDATE brand_claims
				SET status = CASE WHEN id = :approvedId THEN 'APPROVED' ELSE 'REJECTED' END,
				    decided_at = now(), decided_by = :moderator
				WHERE brand_id = :brandId AND status = 'PENDING'""")
				.bind("brandId", brandId).bind("approvedId", approvedId).bind("moderator", moderator)
				.fetch().rowsUpdated();
	}

	/** The claims the subject made, with their brands, for the person's data export. */
	Flux<BrandPersonalData.Claim> personalClaims(String subject, int limit) {
		return db.sql("""
				SELECT b.slug, c.evidence, c.status, c.created_at, c.decided_at FROM brand_claims c
				JOIN brands b ON b.id = c.brand_id
				WHERE c.claimant = :subject ORDER BY c.created_at, c.id LIMIT :limit""")
				.bind("subject", subject).bind("limit", limit)
				.map(row -> new BrandPersonalData.Claim(row.get("slug", String.class), row.get("evidence", String.class),
						row.get("status", String.class), row.get("created_at", OffsetDateTime.class),
						row.get("decided_at", OffsetDateTime.class)))
				.all();
	}

	/** Deletes the claims the subject made, and their name from the claims they decided. */
	Mono<Void> forget(String subject) {
		return db.sql("DELETE FROM brand_claims WHERE claimant = :subject").bind("subject", subject).then()
				.then(db.sql("UPDATE brand_claims SET decided_by = NULL WHERE decided_by = :subject")
						.bind("subject", subject).then());
	}

	private static BrandClaim claim(Readable row) {
		return new BrandClaim(row.get("id", Long.class), row.get("brand_id", Long.class),
				row.get("claimant", String.class), row.get("evidence", String.class),
				BrandClaim.Status.valueOf(row.get("status", String.class)), row.get("created_at", OffsetDateTime.class),
				row.get("decided_at", OffsetDateTime.class));
	}
}
