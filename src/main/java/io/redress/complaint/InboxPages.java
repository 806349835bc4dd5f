package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * Pages of brands' team inboxes: one statement for every brand a request asks alike, whatever the filter, the
 * caller's membership read in it. A brand's inbox holds its own complaints, read as its team reads them, and the
 * cases it is involved in as a partner (not those it declined), read as a partner reads them. For each brand a
 * lateral join reads a page of each through the order's index, in order, stopping at the limit: its own through
 * {@code complaints_inbox_due_idx}, {@code complaints_brand_idx} or {@code complaints_inbox_activity_idx}, its partner
 * cases through the {@code complaint_partners_inbox_*_idx} over the copies of the complaint's keys each involvement
 * keeps; the two pages are merged and cut at the limit. A partner does not see who works a case for its brand, so
 * partner cases have no assignee: an {@code assignee} filter leaves them out, {@code unassigned: true} keeps them.
 */
@Repository
class InboxPages {

	/** Each brand's page for its members (and moderators); nothing for anyone else. */
	private static final String PAGES_OF_BRANDS = """
			SELECT %1$s, (SELECT r.role FROM brand_roles r WHERE r.brand_id = c.brand_id AND r.subject = :viewer) AS viewer_role,
			       c.viewer_partner, wanted.brand_id AS inbox_brand_id
			FROM unnest(:brandIds::bigint[]) AS wanted(brand_id)
			CROSS JOIN LATERAL (
			  SELECT u.* FROM (
			    (SELECT c.*, NULL::bigint AS viewer_partner, %2$s AS inbox_key FROM complaints c
			     WHERE c.brand_id = wanted.brand_id
			       AND (:moderator OR EXISTS (SELECT 1 FROM brand_roles r WHERE r.brand_id = wanted.brand_id AND r.subject = :viewer))
			       AND (:status::text IS NULL OR c.status = :status)
			       AND (:category::text IS NULL OR c.category = :category)
			       AND (:assignee::text IS NULL OR c.assignee = :assignee)
			       AND (:unassigned::boolean IS NULL OR (c.assignee IS NULL) = :unassigned)
			       AND (:overdue::boolean IS NULL OR (c.due_at <= now()) = :overdue)
			       AND (:dueBefore::timestamptz IS NULL OR (c.due_at > now() AND c.due_at <= :dueBefore))
			       AND %3$s
			     ORDER BY %4$s
			     LIMIT :limit)
			    UNION ALL
			    (SELECT c.*, (SELECT r.brand_id FROM brand_roles r WHERE r.brand_id = wanted.brand_id AND r.subject = :viewer),
			            %5$s FROM complaint_partners cp JOIN complaints c ON c.id = cp.complaint_id
			     WHERE cp.partner_brand_id = wanted.brand_id AND cp.status = 'INVOLVED'
			       AND (:moderator OR EXISTS (SELECT 1 FROM brand_roles r WHERE r.brand_id = wanted.brand_id AND r.subject = :viewer))
			       AND (:status::text IS NULL OR c.status = :status)
			       AND (:category::text IS NULL OR c.category = :category)
			       AND :assignee::text IS NULL
			       AND (:unassigned::boolean IS NULL OR :unassigned)
			       AND (:overdue::boolean IS NULL OR (cp.case_due_at <= now()) = :overdue)
			       AND (:dueBefore::timestamptz IS NULL OR (cp.case_due_at > now() AND cp.case_due_at <= :dueBefore))
			       AND %6$s
			     ORDER BY %7$s
			     LIMIT :limit)) u
			  ORDER BY %8$s
			  LIMIT :limit) c
			JOIN account_profiles p ON p.profile_id = c.consumer_id
			ORDER BY wanted.brand_id, %9$s""";

	private static final Map<InboxOrder, String> PAGES = new EnumMap<>(InboxOrder.class);

	static {
		for (InboxOrder order : InboxOrder.values()) {
			PAGES.put(order, PAGES_OF_BRANDS.formatted(Complaints.COLUMNS, order.column(), order.keyset(),
					order.orderBy(), order.partnerColumn(), order.partnerKeyset(),
					order.partnerOrderBy(), order.mergedOrderBy(), order.mergedOrderBy().replace("u.", "c.")));
		}
	}

	private final DatabaseClient db;

	InboxPages(DatabaseClient db) {
		this.db = db;
	}

	/** The statement of a page in this order, for EXPLAIN in tests and the README. */
	static String statement(InboxOrder order) {
		return PAGES.get(order);
	}

	Flux<InboxRow> pages(Collection<Long> brandIds, InboxQuery query, int limit) {
		return bind(db.sql(statement(query.order())), brandIds, query, limit)
				.map(row -> new InboxRow(row.get("inbox_brand_id", Long.class), ComplaintPages.listed(row))).all();
	}

	static GenericExecuteSpec bind(GenericExecuteSpec spec, Collection<Long> brandIds, InboxQuery query, int limit) {
		InboxFilter filter = query.filter();
		return spec.bind("brandIds", brandIds.toArray(Long[]::new))
				.bind("viewer", query.viewer())
				.bind("moderator", query.moderator())
				.bind("status", Parameter.fromOrEmpty(filter.status() == null ? null : filter.status().name(), String.class))
				.bind("category",
						Parameter.fromOrEmpty(filter.category() == null ? null : filter.category().name(), String.class))
				.bind("assignee", Parameter.fromOrEmpty(filter.assignee(), String.class))
				.bind("unassigned", Parameter.fromOrEmpty(filter.unassigned(), Boolean.class))
				.bind("overdue", Parameter.fromOrEmpty(filter.overdue(), Boolean.class))
				.bind("dueBefore", Parameter.fromOrEmpty(filter.dueWithin() == null ? null
						: OffsetDateTime.now().plusHours(filter.dueWithin()), OffsetDateTime.class))
				.bind("afterKey", Parameter.fromOrEmpty(query.afterKey(), String.class))
				.bind("afterId", query.afterId())
				.bind("limit", limit);
	}

	/** A row of a brand's inbox: the brand whose inbox it is, and the complaint (its own, or a partner case). */
	record InboxRow(long inboxBrandId, ComplaintPages.Listed listed) {

		boolean partnerCase() {
			return listed.complaint().brandId() != inboxBrandId;
		}
	}

	/** A page asked of brands' inboxes: by whom, filtered and ordered how, from where. */
	record InboxQuery(String viewer, boolean moderator, InboxFilter filter, InboxOrder order, String afterKey,
			long afterId) {
	}
}
