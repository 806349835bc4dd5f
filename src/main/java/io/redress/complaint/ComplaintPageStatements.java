package io.redress.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.redress.shared.PageRequest;

/**
 * The texts of {@link ComplaintPages}' statements: one for each shape of page asked (a feed or several brands' pages,
 * the joins, a signed-in or an anonymous reader, the filters given), each holding only what its shape needs, so that
 * PostgreSQL plans each once per connection; made once and kept.
 */
final class ComplaintPageStatements {

	/**
	 * Read with each row of a page for a signed-in viewer: the role the viewer holds in the row's brand, so rights
	 * come with the rows. A probe of the (brand_id, subject) key per row, whatever the viewer's other memberships.
	 */
	private static final String VIEWER_ROLE = """
			(SELECT r.role FROM brand_roles r WHERE r.brand_id = c.brand_id AND r.subject = :viewer) AS viewer_role""";

	/** The same two columns for an anonymous reader, who holds no role and takes part in no case: no probe at all. */
	private static final String NO_VIEWER = "NULL::text AS viewer_role, NULL::bigint AS viewer_partner";

	/**
	 * The most rows a page statement's plan is made for: the largest page and the row that says more exist. The
	 * statements cut at this constant inside and at the page's own {@code :limit} outside, so PostgreSQL plans the
	 * few rows a page reads (a parameter as the only limit is planned as a tenth of the table) and one plan serves
	 * every page size: a prepared statement keeps its generic plan instead of planning again at each execution.
	 */
	private static final int PLANNED_ROWS = PageRequest.MAX_FIRST + 1;

	/**
	 * One keyset page of a feed, newest first, with only the filters it is given (a filter left out is not in the
	 * text, rather than a {@code :x IS NULL OR} PostgreSQL cannot plan once for all values). Four places take what
	 * {@link ComplaintJoins} and the shape decide: the row's columns, the viewer's, the joined columns, the joins;
	 * then the conditions and the planned rows.
	 */
	private static final String PAGE = """
			SELECT * FROM (
			SELECT %s, %s%s FROM complaints c JOIN account_profiles p ON p.profile_id = c.consumer_id%s
			WHERE %s
			ORDER BY c.created_at DESC, c.id DESC
			LIMIT %d) c
			ORDER BY c.created_at DESC, c.id DESC
			LIMIT :limit""";

	/**
	 * The same keyset page of several brands' public complaints in one statement: a lateral join takes each brand's
	 * newest {@code :limit} through its (brand_id, created_at, id) index, however many brands the page holds; with
	 * the columns and joins of {@link ComplaintJoins}, and only the filters given, as {@link #PAGE}.
	 */
	private static final String BRAND_PAGES = """
			SELECT %s, %s%s
			FROM unnest(:brandIds::bigint[]) AS wanted(brand_id)
			CROSS JOIN LATERAL (
			  SELECT * FROM (
			    SELECT * FROM complaints c
			    WHERE %s
			    ORDER BY c.created_at DESC, c.id DESC
			    LIMIT %d) c
			  ORDER BY c.created_at DESC, c.id DESC
			  LIMIT :limit) c
			JOIN account_profiles p ON p.profile_id = c.consumer_id%s
			ORDER BY c.brand_id, c.created_at DESC, c.id DESC""";

	/** Each page statement text, made once for each shape that is asked (a bounded number: see {@link Shape}). */
	private static final Map<Shape, String> STATEMENTS = new ConcurrentHashMap<>();

	/** The filters a page statement holds, as bits of {@link Shape#filters}. */
	private static final int BRAND = 1;
	private static final int CONSUMER = 2;
	private static final int STATUS = 4;
	private static final int CATEGORY = 8;
	private static final int PATTERN = 16;
	private static final int PUBLIC = 32;
	private static final int AFTER = 64;

	/** The statement of a feed's page with {@code query}'s filters (the plan tests explain it). */
	static String page(ComplaintQuery query, ComplaintJoins joins, boolean signedIn, int limit) {
		int filters = (query.brandId() == null ? 0 : BRAND) | (query.consumerId() == null ? 0 : CONSUMER)
				| (query.status() == null ? 0 : STATUS) | (query.category() == null ? 0 : CATEGORY)
				| (query.titlePattern() == null ? 0 : PATTERN) | (query.consumerId() == null ? PUBLIC : 0)
				| (query.afterTime() == null ? 0 : AFTER);
		return STATEMENTS.computeIfAbsent(Shape.of(false, joins, signedIn, filters, limit), Shape::statement);
	}

	/** The statement of several brands' pages with {@code query}'s status and position (the plan tests explain it). */
	static String brandPages(ComplaintQuery query, ComplaintJoins joins, boolean signedIn, int limit) {
		int filters = BRAND | PUBLIC | (query.status() == null ? 0 : STATUS) | (query.afterTime() == null ? 0 : AFTER);
		return STATEMENTS.computeIfAbsent(Shape.of(true, joins, signedIn, filters, limit), Shape::statement);
	}

	/**
	 * What a page statement's text depends on: the brands' lateral form or a single feed, the joins, whether a viewer
	 * is signed in, which filters are given, and the rows planned ({@link #PLANNED_ROWS}, or a larger internal limit;
	 * the API's pages are never larger). The page size itself is a parameter, so the texts are bounded (2 forms, 16
	 * joins, 2 viewers, 128 filter sets; far fewer are ever asked), and so are the connections' prepared statements.
	 */
	private record Shape(boolean brands, ComplaintJoins joins, boolean viewer, int filters, int planned) {

		static Shape of(boolean brands, ComplaintJoins joins, boolean viewer, int filters, int limit) {
			return new Shape(brands, joins, viewer, filters, Math.max(limit, PLANNED_ROWS));
		}

		String statement() {
			String viewerColumns = viewer ? VIEWER_ROLE + ", " + ComplaintPartners.VIEWER_PARTNER : NO_VIEWER;
			String rowColumns = viewer ? joins.rowColumns() : withoutPrivateParts(joins.rowColumns());
			String conditions = conditions();
			return brands
					? BRAND_PAGES.formatted(rowColumns, viewerColumns, joins.columns(), conditions, planned,
							joins.joins())
					: PAGE.formatted(rowColumns, viewerColumns, joins.columns(), joins.joins(), conditions, planned);
		}

		/**
		 * An anonymous reader takes part in no case, so {@code Complaint.seenBy} drops the private parts of every row
		 * it reads (who filed it, the order reference, the assignee): its statement reads none of them (null in their
		 * places), which the driver then neither slices nor decodes, 300 values a page of 100.
		 */
		private static String withoutPrivateParts(String rowColumns) {
			return rowColumns.replace("p.subject AS consumer_subject,", "NULL::text AS consumer_subject,")
					.replace("c.order_reference,", "NULL::text AS order_reference,")
					.replace("c.assignee,", "NULL::text AS assignee,");
		}

		private String conditions() {
			List<String> conditions = new ArrayList<>();
			if (has(BRAND)) {
				conditions.add(brands ? "c.brand_id = wanted.brand_id" : "c.brand_id = :brandId");
			}
			if (has(CONSUMER)) {
				conditions.add("c.consumer_id = :consumerId");
			}
			if (has(STATUS)) {
				conditions.add("c.status = :status");
			}
			if (has(CATEGORY)) {
				conditions.add("c.category = :category");
			}
			if (has(PATTERN)) {
				conditions.add("lower(c.public_title) LIKE :pattern ESCAPE '\\'");
			}
			if (has(PUBLIC)) {
				conditions.add(ComplaintPages.PUBLIC_ONLY);
			}
			if (has(AFTER)) {
				conditions.add("(c.created_at, c.id) < (:afterTime, :afterId)");
			}
			return conditions.isEmpty() ? "true" : String.join("\n  AND ", conditions);
		}

		private boolean has(int filter) {
			return (filters & filter) != 0;
		}
	}

	private ComplaintPageStatements() {
	}
}
