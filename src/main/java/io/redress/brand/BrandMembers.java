package io.redress.brand;

import java.time.OffsetDateTime;
import java.util.Collection;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The brand_members table. */
@Repository
class BrandMembers {

	/** How many members of one brand a page of brands shows: the first to join. */
	static final int MAX_SHOWN = 100;

	/**
	 * The first members of each brand whose team the viewer may see, in one statement: a lateral join bounds each
	 * brand's list, and the viewer's right to see it is checked in the same statement.
	 */
	private static final String VISIBLE_MEMBERS = """
			SELECT m.brand_id, m.subject, m.role, m.added_at
			FROM unnest(:brandIds::bigint[]) AS wanted(brand_id)
			CROSS JOIN LATERAL (
			  SELECT * FROM brand_members m
			  WHERE m.brand_id = wanted.brand_id
			    AND (:moderator OR EXISTS (SELECT 1 FROM brand_members v
			                               WHERE v.brand_id = m.brand_id AND v.subject = :subject))
			  ORDER BY m.added_at, m.subject
			  LIMIT :limit) m
			ORDER BY m.brand_id, m.added_at, m.subject""";

	private static final String MEMBERSHIPS_OF = """
			SELECT %s, m.role FROM brand_members m JOIN brands b ON b.id = m.brand_id
			WHERE m.subject = :subject ORDER BY lower(b.name), b.id LIMIT :limit""".formatted(Brands.COLUMNS);

	private final DatabaseClient db;

	BrandMembers(DatabaseClient db) {
		this.db = db;
	}

	Mono<BrandRole> roleOf(long brandId, String subject) {
		return db.sql("SELECT role FROM brand_members WHERE brand_id = :brandId AND subject = :subject")
				.bind("brandId", brandId).bind("subject", subject)
				.map(row -> BrandRole.valueOf(row.get("role", String.class))).one();
	}

	/** The first {@link #MAX_SHOWN} members of many brands in one statement, only of brands whose team the viewer may see. */
	Flux<BrandMember> visibleMembers(Collection<Long> brandIds, String viewerSubject, boolean moderator) {
		return db.sql(VISIBLE_MEMBERS)
				.bind("brandIds", brandIds.toArray(Long[]::new))
				.bind("subject", viewerSubject == null ? "" : viewerSubject)
				.bind("moderator", moderator)
				.bind("limit", MAX_SHOWN)
				.map(BrandMembers::member).all();
	}

	Flux<BrandMember> membershipsOf(String subject, Collection<Long> brandIds) {
		return db.sql("""
				SELECT brand_id, subject, role, added_at FROM brand_members
				WHERE subject = :subject AND brand_id = ANY(:brandIds)""")
				.bind("subject", subject).bind("brandIds", brandIds.toArray(Long[]::new))
				.map(BrandMembers::member).all();
	}

	/** Every brand the subject belongs to, bounded: a person is a member of a handful of brands, not thousands. */
	Flux<BrandMembership> brandsOf(String subject, int limit) {
		return db.sql(MEMBERSHIPS_OF)
				.bind("subject", subject).bind("limit", limit)
				.map(row -> new BrandMembership(Brands.brand(row), BrandRole.valueOf(row.get("role", String.class))))
				.all();
	}

	Mono<BrandMember> put(long brandId, String subject, BrandRole role, String addedBy) {
		return db.sql("""
				INSERT INTO brand_members (brand_id, subject, role, added_by) VALUES (:brandId, :subject, :role, :addedBy)
				ON CONFLICT (brand_id, subject) DO UPDATE SET role = EXCLUDED.role
				RETURNING brand_id, subject, role, added_at""")
				.bind("brandId", brandId).bind("subject", subject).bind("role", role.name()).bind("addedBy", addedBy)
				.map(BrandMembers::member).one();
	}

	/** Makes {@code subject} a member unless they already are; either way, their membership as it now is. */
	Mono<BrandMember> join(long brandId, String subject, BrandRole role, String addedBy) {
		// The no-op update makes RETURNING give the existing row, so a member keeps the role they hold.
		return db.sql("""
				INSERT INTO brand_members (brand_id, subject, role, added_by) VALUES (:brandId, :subject, :role, :addedBy)
				ON CONFLICT (brand_id, subject) DO UPDATE SET role = brand_members.role
				RETURNING brand_id, subject, role, added_at""")
				.bind("brandId", brandId).bind("subject", subject).bind("role", role.name()).bind("addedBy", addedBy)
				.map(BrandMembers::member).one();
	}

	Mono<Long> remove(long brandId, String subject) {
		return db.sql("DELETE FROM brand_members WHERE brand_id = :brandId AND subject = :subject")
				.bind("brandId", brandId).bind("subject", subject)
				.fetch().rowsUpdated();
	}

	Mono<Long> countOwners(long brandId) {
		return db.sql("SELECT count(*) AS owners FROM brand_members WHERE brand_id = :brandId AND role = 'OWNER'")
				.bind("brandId", brandId).map(row -> row.get("owners", Long.class)).one();
	}

	/**
	 * The names of the brands the subject owns with no co-owner. Every brand they own is locked first (in id order, as
	 * brand locks are taken), until the transaction ends, so no co-owner leaves in the meantime.
	 */
	Flux<String> lockBrandsOwnedOnlyBy(String subject) {
		return db.sql("""
				SELECT b.name FROM brands b
				WHERE b.id IN (SELECT brand_id FROM brand_members WHERE subject = :subject AND role = 'OWNER')
				ORDER BY b.id FOR UPDATE""").bind("subject", subject).map(row -> row.get("name", String.class)).all()
				.thenMany(db.sql("""
						SELECT b.name FROM brands b JOIN brand_members m ON m.brand_id = b.id
						WHERE m.subject = :subject AND m.role = 'OWNER'
						  AND NOT EXISTS (SELECT 1 FROM brand_members o
						                  WHERE o.brand_id = b.id AND o.role = 'OWNER' AND o.subject <> :subject)
						ORDER BY b.id""").bind("subject", subject).map(row -> row.get("name", String.class)).all());
	}

	/** The subject's memberships with their brands, for the person's data export. */
	Flux<BrandPersonalData.Membership> personalMemberships(String subject, int limit) {
		return db.sql("""
				SELECT b.slug, b.name, m.role, m.added_at FROM brand_members m JOIN brands b ON b.id = m.brand_id
				WHERE m.subject = :subject ORDER BY m.added_at, b.id LIMIT :limit""")
				.bind("subject", subject).bind("limit", limit)
				.map(row -> new BrandPersonalData.Membership(row.get("slug", String.class), row.get("name", String.class),
						BrandRole.valueOf(row.get("role", String.class)), row.get("added_at", OffsetDateTime.class)))
				.all();
	}

	/** Removes every membership of the subject, and their name from the memberships they added. */
	Mono<Void> forget(String subject) {
		return db.sql("DELETE FROM brand_members WHERE subject = :subject").bind("subject", subject).then()
				.then(db.sql("UPDATE brand_members SET added_by = NULL WHERE added_by = :subject")
						.bind("subject", subject).then());
	}

	private static BrandMember member(Readable row) {
		return new BrandMember(row.get("brand_id", Long.class), row.get("subject", String.class),
				BrandRole.valueOf(row.get("role", String.class)), row.get("added_at", OffsetDateTime.class));
	}
}
