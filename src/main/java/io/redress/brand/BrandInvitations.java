package io.redress.brand;

import java.time.OffsetDateTime;
import java.util.Collection;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** The brand_invitations table: open invitations, one per brand and subject at most. */
@Repository
class BrandInvitations {

	private static final String COLUMNS = "brand_id, subject, role, invited_by, invited_at, expires_at";

	private static final String VISIBLE = """
			SELECT %s FROM brand_invitations i
			WHERE i.brand_id = ANY(:brandIds) AND i.expires_at > now()
			  AND (:moderator OR EXISTS (SELECT 1 FROM brand_members v WHERE v.brand_id = i.brand_id
			                             AND v.subject = :subject AND v.role IN ('OWNER', 'MANAGER')))
			ORDER BY i.brand_id, i.invited_at, i.subject""".formatted(COLUMNS);

	/** Newest first; the position is the invitation time in microseconds, so a cursor holds a plain number. */
	private static final String OF_SUBJECT = """
			SELECT %s, (extract(epoch FROM invited_at) * 1000000)::bigint AS position FROM brand_invitations
			WHERE subject = :subject AND expires_at > now()
			  AND (CAST(:afterPosition AS bigint) IS NULL
			       OR ((extract(epoch FROM invited_at) * 1000000)::bigint, brand_id) < (:afterPosition, :afterBrand))
			ORDER BY invited_at DESC, brand_id DESC LIMIT :limit""".formatted(COLUMNS);

	private final DatabaseClient db;

	BrandInvitations(DatabaseClient db) {
		this.db = db;
	}

	/** The invitation of {@code subject} to a brand, pending or expired. */
	Mono<BrandInvitation> find(long brandId, String subject) {
		return db.sql("SELECT %s FROM brand_invitations WHERE brand_id = :brandId AND subject = :subject"
				.formatted(COLUMNS))
				.bind("brandId", brandId).bind("subject", subject)
				.map(BrandInvitations::invitation).one();
	}

	Mono<BrandInvitation> insert(long brandId, String subject, BrandRole role, String invitedBy) {
		return db.sql("""
				INSERT INTO brand_invitations (brand_id, subject, role, invited_by, expires_at)
				VALUES (:brandId, :subject, :role, :invitedBy, now() + make_interval(days => :days))
				RETURNING %s""".formatted(COLUMNS))
				.bind("brandId", brandId).bind("subject", subject).bind("role", role.name())
				.bind("invitedBy", invitedBy).bind("days", (int) BrandInvitation.LIFETIME.toDays())
				.map(BrandInvitations::invitation).one();
	}

	/** Withdraws every pending invitation to or from {@code subject}, as their account is erased. */
	Mono<Long> forget(String subject) {
		return db.sql("DELETE FROM brand_invitations WHERE subject = :subject OR invited_by = :subject")
				.bind("subject", subject).fetch().rowsUpdated();
	}

	Mono<Long> delete(long brandId, String subject) {
		return db.sql("DELETE FROM brand_invitations WHERE brand_id = :brandId AND subject = :subject")
				.bind("brandId", brandId).bind("subject", subject)
				.fetch().rowsUpdated();
	}

	/** Deletes the brand's expired invitations and returns them. */
	Flux<BrandInvitation> clearExpired(long brandId) {
		return db.sql("""
				DELETE FROM brand_invitations WHERE brand_id = :brandId AND expires_at <= now()
				RETURNING %s""".formatted(COLUMNS))
				.bind("brandId", brandId)
				.map(BrandInvitations::invitation).all();
	}

	Mono<Long> countPending(long brandId) {
		return db.sql("SELECT count(*) AS pending FROM brand_invitations WHERE brand_id = :brandId AND expires_at > now()")
				.bind("brandId", brandId).map(row -> row.get("pending", Long.class)).one();
	}

	/** Pending invitations of many brands in one statement, for the brands the viewer manages (all for moderators). */
	Flux<BrandInvitation> visibleInvitations(Collection<Long> brandIds, String viewerSubject, boolean moderator) {
		return db.sql(VISIBLE)
				.bind("brandIds", brandIds.toArray(Long[]::new))
				.bind("subject", viewerSubject == null ? "" : viewerSubject)
				.bind("moderator", moderator)
				.map(BrandInvitations::invitation).all();
	}

	/** A page of the pending invitations of {@code subject}, newest first, after a position when given. */
	Flux<Positioned> pendingFor(String subject, Long afterPosition, Long afterBrand, int limit) {
		return db.sql(OF_SUBJECT)
				.bind("subject", subject)
				.bind("afterPosition", Parameter.fromOrEmpty(afterPosition, Long.class))
				.bind("afterBrand", Parameter.fromOrEmpty(afterBrand, Long.class))
				.bind("limit", limit)
				.map(row -> new Positioned(invitation(row), row.get("position", Long.class))).all();
	}

	/** An invitation with its place in a subject's list. */
	record Positioned(BrandInvitation invitation, long position) {
	}

	private static BrandInvitation invitation(Readable row) {
		return new BrandInvitation(row.get("brand_id", Long.class), row.get("subject", String.class),
				BrandRole.valueOf(row.get("role", String.class)), row.get("invited_by", String.class),
				row.get("invited_at", OffsetDateTime.class), row.get("expires_at", OffsetDateTime.class));
	}
}
