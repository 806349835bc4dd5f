package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import io.r2dbc.spi.Readable;
import io.redress.brand.BrandListing;
import io.redress.brand.BrandRole;
import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** Pages of complaints for feeds and brand pages, each row with the viewer's role in its brand, one statement a page. */
@Repository
class ComplaintPages {

	/**
	 * Read with each row of a page: the role the viewer holds in the row's brand, so rights come with the rows. A probe
	 * of the (brand_id, subject) key per row, whatever the viewer's other memberships; none for an anonymous reader.
	 */
	private static final String VIEWER_ROLE = """
			CASE WHEN :viewer <> '' THEN (SELECT r.role FROM brand_roles r WHERE r.brand_id = c.brand_id
			AND r.subject = :viewer) END AS viewer_role""";

	/** What the public may never see in a list: withdrawn complaints, and those a moderator hid or removed. */
	static final String PUBLIC_ONLY = """
			c.status <> 'WITHDRAWN' AND c.moderation IS DISTINCT FROM 'HIDDEN'
			AND c.moderation IS DISTINCT FROM 'REMOVED'""";

	/**
	 * One keyset page of a feed, newest first; every filter is optional. Three places take what {@link
	 * ComplaintJoins} decides: the row's columns, the joined columns, and the joins.
	 */
	private static final String PAGE = """
			SELECT %%s, %s, %s%%s FROM complaints c JOIN account_profiles p ON p.profile_id = c.consumer_id%%s
			WHERE (:brandId::bigint IS NULL OR c.brand_id = :brandId)
			  AND (:consumerId::bigint IS NULL OR c.consumer_id = :consumerId)
			  AND (:status::text IS NULL OR c.status = :status)
			  AND (:category::text IS NULL OR c.category = :category)
			  AND (:pattern::text IS NULL OR lower(c.public_title) LIKE :pattern ESCAPE '\\')
			  AND (:publicOnly = false OR (%s))
			  AND (:afterTime::timestamptz IS NULL OR (c.created_at, c.id) < (:afterTime, :afterId))
			ORDER BY c.created_at DESC, c.id DESC
			LIMIT :limit""".formatted(VIEWER_ROLE, ComplaintPartners.VIEWER_PARTNER, PUBLIC_ONLY);

	/**
	 * The same keyset page of several brands' public complaints in one statement: a lateral join takes each brand's
	 * newest {@code :limit} through its (brand_id, created_at, id) index, however many brands the page holds; with
	 * the columns and joins of {@link ComplaintJoins}.
	 */
	private static final String BRAND_PAGES = """
			SELECT %%s, %s, %s%%s
			FROM unnest(:brandIds::bigint[]) AS wanted(brand_id)
			CROSS JOIN LATERAL (
			  SELECT * FROM complaints c
			  WHERE c.brand_id = wanted.brand_id
			    AND (:status::text IS NULL OR c.status = :status)
			    AND %s
			    AND (:afterTime::timestamptz IS NULL OR (c.created_at, c.id) < (:afterTime, :afterId))
			  ORDER BY c.created_at DESC, c.id DESC
			  LIMIT :limit) c
			JOIN account_profiles p ON p.profile_id = c.consumer_id%%s
			ORDER BY c.brand_id, c.created_at DESC, c.id DESC""".formatted(VIEWER_ROLE, ComplaintPartners.VIEWER_PARTNER,
			PUBLIC_ONLY);

	/*
	 * Where a page's row holds what follows the complaint's own columns: the viewer's role, the viewer's partner
	 * brand, then the joined columns of ComplaintJoins (the brand's, then the rating's). InboxPages selects the
	 * first two in the same places.
	 */
	static final int VIEWER_ROLE_AT = Complaints.COLUMN_COUNT;
	static final int VIEWER_PARTNER_AT = Complaints.COLUMN_COUNT + 1;
	static final int JOINED_AT = Complaints.COLUMN_COUNT + 2;

	/** Each statement for each set of joins, written once. */
	static final Map<ComplaintJoins, String> PAGES = withEveryJoin(PAGE);

	static final Map<ComplaintJoins, String> BRANDS_PAGES = withEveryJoin(BRAND_PAGES);

	private final DatabaseClient db;

	ComplaintPages(DatabaseClient db) {
		this.db = db;
	}

	/** One page of a feed, each row with the role {@code viewerSubject} holds in its brand (none for "" or anonymous). */
	Flux<Listed> page(ComplaintQuery query, ComplaintJoins joins, String viewerSubject, int limit) {
		return db.sql(PAGES.get(joins))
				.bind("brandId", Parameter.fromOrEmpty(query.brandId(), Long.class))
				.bind("consumerId", Parameter.fromOrEmpty(query.consumerId(), Long.class))
				.bind("status", Parameter.fromOrEmpty(query.status() == null ? null : query.status().name(), String.class))
				.bind("category",
						Parameter.fromOrEmpty(query.category() == null ? null : query.category().name(), String.class))
				.bind("pattern", Parameter.fromOrEmpty(query.titlePattern(), String.class))
				.bind("publicOnly", query.consumerId() == null)
				.bind("afterTime", Parameter.fromOrEmpty(query.afterTime(), OffsetDateTime.class))
				.bind("afterId", query.afterId())
				.bind("viewer", viewerSubject == null ? "" : viewerSubject)
				.bind("limit", limit)
				.map(row -> listed(row, joins)).all();
	}

	/**
	 * Up to {@code limit} public complaints of each brand from the position {@code query} gives (its status filter and
	 * keyset position; its other fields are ignored), each row with the viewer's role in its brand: one statement.
	 */
	Flux<Listed> brandPages(Collection<Long> brandIds, ComplaintQuery query, ComplaintJoins joins,
			String viewerSubject, int limit) {
		return db.sql(BRANDS_PAGES.get(joins))
				.bind("brandIds", brandIds.toArray(Long[]::new))
				.bind("status", Parameter.fromOrEmpty(query.status() == null ? null : query.status().name(), String.class))
				.bind("afterTime", Parameter.fromOrEmpty(query.afterTime(), OffsetDateTime.class))
				.bind("afterId", query.afterId())
				.bind("viewer", viewerSubject == null ? "" : viewerSubject)
				.bind("limit", limit)
				.map(row -> listed(row, joins)).all();
	}

	static Listed listed(Readable row) {
		return listed(row, ComplaintJoins.NONE);
	}

	static Listed listed(Readable row, ComplaintJoins joins) {
		String role = row.get(VIEWER_ROLE_AT, String.class);
		Complaint complaint = Complaints.complaint(row);
		if (joins.brand() || joins.rating()) {
			complaint = complaint.with(new Complaint.Related(
					joins.brand() ? BrandListing.brand(complaint.brandId(), row, JOINED_AT) : null, joins.rating(),
					joins.rating() ? Ratings.joined(row, JOINED_AT + (joins.brand() ? BrandListing.COLUMN_COUNT : 0))
							: null));
		}
		return new Listed(complaint, role == null ? null : BrandRole.valueOf(role),
				row.get(VIEWER_PARTNER_AT, Long.class));
	}

	private static Map<ComplaintJoins, String> withEveryJoin(String statement) {
		return Stream.of(true, false).flatMap(brand -> Stream.of(true, false).flatMap(rating -> Stream.of(true, false)
				.flatMap(description -> Stream.of(true, false)
						.map(clocks -> new ComplaintJoins(brand, rating, description, clocks)))))
				.collect(Collectors.toUnmodifiableMap(Function.identity(),
						joins -> statement.formatted(joins.rowColumns(), joins.columns(), joins.joins())));
	}

	/**
	 * A row of a page as stored, with the role the viewer holds in its brand (null when none) and the partner brought
	 * into the case that the viewer belongs to (null when none).
	 */
	record Listed(Complaint complaint, BrandRole viewerRole, Long viewerPartner) {
	}
}
