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
 * caller's membership read in it. A lateral join reads each brand's page through the order's index
 * ({@code complaints_inbox_due_idx}, {@code complaints_brand_idx}, {@code complaints_inbox_activity_idx}), in order,
 * stopping at the limit. The inbox holds the brand's own complaints, read as its team reads them (never as a partner).
 */
@Repository
class InboxPages {

	/** Each brand's page for its members (and moderators); nothing for anyone else. */
	private static final String PAGES_OF_BRANDS = """
			SELECT %1$s, (SELECT r.role FROM brand_roles r WHERE r.brand_id = c.brand_id AND r.subject = :viewer) AS viewer_role,
			       NULL::bigint AS viewer_partner
			FROM unnest(:brandIds::bigint[]) AS wanted(brand_id)
			CROSS JOIN LATERAL (
			  SELECT * FROM complaints c
			  WHERE c.brand_id = wanted.brand_id
			    AND (:moderator OR EXISTS (SELECT 1 FROM brand_roles r WHERE r.brand_id = wanted.brand_id AND r.subject = :viewer))
			    AND (:status::text IS NULL OR c.status = :status)
			    AND (:category::text IS NULL OR c.category = :category)
			    AND (:assignee::text IS NULL OR c.assignee = :assignee)
			    AND (:unassigned::boolean IS NULL OR (c.assignee IS NULL) = :unassigned)
			    AND (:overdue::boolean IS NULL OR (c.due_at <= now()) = :overdue)
			    AND (:dueBefore::timestamptz IS NULL OR (c.due_at > now() AND c.due_at <= :dueBefore))
			    AND %2$s
			  ORDER BY %3$s
			  LIMIT :limit) c
			JOIN account_profiles p ON p.profile_id = c.consumer_id
			ORDER BY c.brand_id, %3$s""";

	private static final Map<InboxOrder, String> PAGES = new EnumMap<>(InboxOrder.class);

	static {
		for (InboxOrder order : InboxOrder.values()) {
			PAGES.put(order, PAGES_OF_BRANDS.formatted(Complaints.COLUMNS, order.keyset(), order.orderBy()));
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

	Flux<ComplaintPages.Listed> pages(Collection<Long> brandIds, InboxQuery query, int limit) {
		return bind(db.sql(statement(query.order())), brandIds, query, limit).map(row -> ComplaintPages.listed(row)).all();
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

	/** A page asked of brands' inboxes: by whom, filtered and ordered how, from where. */
	record InboxQuery(String viewer, boolean moderator, InboxFilter filter, InboxOrder order, String afterKey,
			long afterId) {
	}
}
