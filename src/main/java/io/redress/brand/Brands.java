package io.redress.brand;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;

import io.r2dbc.spi.Readable;
import io.redress.shared.PageRequest;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** The brands table. */
@Repository
class Brands {

	static final String COLUMNS = """
			b.id, b.slug, b.name, b.website, b.description, b.status, b.response_target_hours,
			b.resolution_target_days, b.follow_up_days, b.created_at, b.verified_at""";

	/*
	 * Where brand(row) reads each of COLUMNS: every statement selects (or returns) them first and in this order, so
	 * a row is read by position instead of searching its columns by name for each value (BrandColumnsTests checks).
	 */
	static final int ID = 0;
	static final int SLUG = 1;
	static final int NAME = 2;
	static final int WEBSITE = 3;
	static final int DESCRIPTION = 4;
	static final int STATUS = 5;
	static final int RESPONSE_TARGET_HOURS = 6;
	static final int RESOLUTION_TARGET_DAYS = 7;
	static final int FOLLOW_UP_DAYS = 8;
	static final int CREATED_AT = 9;
	static final int VERIFIED_AT = 10;
	/** How many columns {@link #COLUMNS} holds: a statement's own columns after them start here. */
	static final int COLUMN_COUNT = 11;

	private static final String BY_SLUG = """
			SELECT %s FROM brands b WHERE b.slug = :slug""".formatted(COLUMNS);

	private static final String BY_SLUGS = """
			SELECT %s FROM brands b WHERE b.slug = ANY(:slugs)""".formatted(COLUMNS);

	private static final String BY_ID = """
			SELECT %s FROM brands b WHERE b.id = :id""".formatted(COLUMNS);

	private static final String LOCK = """
			SELECT %s FROM brands b WHERE b.id = :id FOR UPDATE""".formatted(COLUMNS);

	/**
	 * A page of the directory with only the filters given (a search pattern, a keyset position): a text for each, so
	 * that PostgreSQL plans each once for the connection rather than again at every execution. It cuts at the
	 * largest page inside and at the page's {@code :limit} outside: a parameter as the only limit is planned as a tenth
	 * of the table, which made the one plan for all sizes look dearer than planning each time.
	 */
	private static final String PAGE = """
			SELECT * FROM (
			SELECT %s, lower(b.name) AS sort_key FROM brands b
			WHERE %%s
			ORDER BY lower(b.name), b.id
			LIMIT %d) b
			ORDER BY b.sort_key, b.id
			LIMIT :limit""".formatted(COLUMNS, PageRequest.MAX_FIRST + 1);

	private static final String PATTERN = "lower(b.name) LIKE :pattern ESCAPE '\\'";

	private static final String AFTER = "(lower(b.name), b.id) > (:afterName, :afterId)";

	/** {@link #PAGE} without a filter, with the pattern, with the position, with both. */
	private static final List<String> PAGES = List.of(PAGE.formatted("true"), PAGE.formatted(PATTERN),
			PAGE.formatted(AFTER), PAGE.formatted(PATTERN + " AND " + AFTER));

	private static final String INSERT = """
			INSERT INTO brands AS b (slug, name, website, domain, status)
			VALUES (:slug, :name, :website, :domain, :status)
			RETURNING %s""".formatted(COLUMNS);

	private static final String VERIFY = """
			UPDATE brands AS b SET status = 'VERIFIED', verified_at = now() WHERE b.id = :id
			RETURNING %s""".formatted(COLUMNS);

	private static final String UPDATE_SETTINGS = """
			UPDATE brands AS b
			SET response_target_hours = coalesce(:hours, b.response_target_hours),
			    resolution_target_days = coalesce(:resolutionDays, b.resolution_target_days),
			    follow_up_days = coalesce(:followUpDays, b.follow_up_days),
			    first_response_due_soon_hours = coalesce(:firstResponseLead, b.first_response_due_soon_hours),
			    resolution_due_soon_hours = coalesce(:resolutionLead, b.resolution_due_soon_hours),
			    description = coalesce(:description, b.description)
			WHERE b.id = :id
			RETURNING %s""".formatted(COLUMNS);

	private static final String BY_IDS = """
			SELECT %s FROM brands b WHERE b.id = ANY(:ids)""".formatted(COLUMNS);

	private static final String INSERT_IF_ABSENT = """
			INSERT INTO brands AS b (slug, name, website, domain, status)
			VALUES (:slug, :name, :website, :domain, 'UNCLAIMED')
			ON CONFLICT DO NOTHING
			RETURNING %s""".formatted(COLUMNS);

	private static final String EXISTING = """
			SELECT %s FROM brands b WHERE lower(b.name) = lower(:name) OR b.domain = :domain
			ORDER BY b.domain = :domain DESC LIMIT 1""".formatted(COLUMNS);

	private final DatabaseClient db;

	Brands(DatabaseClient db) {
		this.db = db;
	}

	Mono<Brand> findBySlug(String slug) {
		return db.sql(BY_SLUG)
				.bind("slug", slug).map(Brands::brand).one();
	}

	Flux<Brand> findAllBySlug(Collection<String> slugs) {
		return db.sql(BY_SLUGS).bind("slugs", slugs.toArray(String[]::new)).map(Brands::brand).all();
	}

	Mono<Brand> findById(long id) {
		return db.sql(BY_ID)
				.bind("id", id).map(Brands::brand).one();
	}

	/** Locks the brand row for the rest of the transaction, so changes to one brand's team happen one at a time. */
	Mono<Brand> lock(long id) {
		return db.sql(LOCK)
				.bind("id", id).map(Brands::brand).one();
	}

	Flux<Brand> findAllById(Collection<Long> ids) {
		return db.sql(BY_IDS).bind("ids", ids.toArray(Long[]::new)).map(Brands::brand).all();
	}

	/**
	 * The directory, by name, one keyset page at a time; {@code pattern} is a LIKE pattern or null for all. Each brand
	 * comes with its sort key as PostgreSQL computes it: Java lower-cases some names differently ({@code İ}, or any
	 * {@code I} under a Turkish default locale), and a cursor built from such a key skips brands on the next page.
	 */
	Flux<Listed> page(String pattern, String afterName, Long afterId, int limit) {
		GenericExecuteSpec spec = db.sql(PAGES.get((pattern == null ? 0 : 1) + (afterName == null ? 0 : 2)))
				.bind("limit", limit);
		if (pattern != null) {
			spec = spec.bind("pattern", pattern);
		}
		if (afterName != null) {
			spec = spec.bind("afterName", afterName).bind("afterId", afterId == null ? 0L : afterId);
		}
		return spec
				.map(row -> new Listed(brand(row), row.get(COLUMN_COUNT, String.class))).all();
	}

	/** Brands that a new brand would collide with, by name, domain or slug. */
	Flux<Conflict> conflicts(String name, String domain, String slug) {
		return db.sql("""
				SELECT slug, lower(name) = lower(:name) AS same_name, domain = :domain AS same_domain,
				       slug = :slug AS same_slug
				FROM brands WHERE lower(name) = lower(:name) OR domain = :domain OR slug = :slug
				LIMIT 3""")
				.bind("name", name).bind("domain", domain).bind("slug", slug)
				.map(row -> new Conflict(row.get("slug", String.class), bool(row, "same_name"),
						bool(row, "same_domain"), bool(row, "same_slug")))
				.all();
	}

	Mono<Brand> insert(String slug, String name, WebAddress address, BrandStatus status) {
		return db.sql(INSERT)
				.bind("slug", slug).bind("name", name).bind("website", address.website())
				.bind("domain", address.domain()).bind("status", status.name())
				.map(Brands::brand).one();
	}

	/** A brand already on the platform under this name or domain (the domain wins when both match others). */
	Mono<Brand> existing(String name, String domain) {
		return db.sql(EXISTING).bind("name", name).bind("domain", domain).map(Brands::brand).one();
	}

	/** Inserts an unclaimed brand; empty when any unique key (slug, name, domain) is already taken. */
	/** Sets an unclaimed brand's contact address unless it has one; whether it did. */
	Mono<Boolean> offerContactAddress(long brandId, String email) {
		return db.sql("""
				UPDATE brands SET contact_email = :email
				WHERE id = :id AND status = 'UNCLAIMED' AND contact_email IS NULL""")
				.bind("id", brandId).bind("email", email).fetch().rowsUpdated().map(rows -> rows > 0);
	}

	Mono<Brand> insertUnclaimedIfAbsent(String slug, String name, WebAddress address) {
		return db.sql(INSERT_IF_ABSENT).bind("slug", slug).bind("name", name).bind("website", address.website())
				.bind("domain", address.domain()).map(Brands::brand).one();
	}

	Mono<Brand> verify(long id) {
		return db.sql(VERIFY)
				.bind("id", id).map(Brands::brand).one();
	}

	Mono<Brand> updateSettings(long id, UpdateBrandSettingsInput input, String description) {
		return db.sql(UPDATE_SETTINGS)
				.bind("id", id)
				.bind("hours", Parameter.fromOrEmpty(input.responseTargetHours(), Integer.class))
				.bind("resolutionDays", Parameter.fromOrEmpty(input.resolutionTargetDays(), Integer.class))
				.bind("followUpDays", Parameter.fromOrEmpty(input.followUpDays(), Integer.class))
				.bind("firstResponseLead", Parameter.fromOrEmpty(input.firstResponseDueSoonHours(), Integer.class))
				.bind("resolutionLead", Parameter.fromOrEmpty(input.resolutionDueSoonHours(), Integer.class))
				.bind("description", Parameter.fromOrEmpty(description, String.class))
				.map(Brands::brand).one();
	}

	/** The {@code DUE_SOON} lead times of each brand. */
	Flux<DueSoonLeads> dueSoonLeads(Collection<Long> ids) {
		return db.sql("SELECT id, first_response_due_soon_hours, resolution_due_soon_hours FROM brands WHERE id = ANY(:ids)")
				.bind("ids", ids.toArray(Long[]::new))
				.map(row -> new DueSoonLeads(row.get("id", Long.class),
						row.get("first_response_due_soon_hours", Integer.class),
						row.get("resolution_due_soon_hours", Integer.class)))
				.all();
	}

	static Brand brand(Readable row) {
		return new Brand(row.get(ID, Long.class), row.get(SLUG, String.class), row.get(NAME, String.class),
				row.get(WEBSITE, String.class), row.get(DESCRIPTION, String.class),
				BrandStatus.valueOf(row.get(STATUS, String.class)), row.get(RESPONSE_TARGET_HOURS, Integer.class),
				row.get(RESOLUTION_TARGET_DAYS, Integer.class), row.get(FOLLOW_UP_DAYS, Integer.class),
				row.get(CREATED_AT, OffsetDateTime.class), row.get(VERIFIED_AT, OffsetDateTime.class));
	}

	private static boolean bool(Readable row, String column) {
		return Boolean.TRUE.equals(row.get(column, Boolean.class));
	}

	record Conflict(String slug, boolean sameName, boolean sameDomain, boolean sameSlug) {
	}

	/** A brand in the directory with the key it is sorted by, which its cursor carries. */
	record Listed(Brand brand, String sortKey) {
	}
}
