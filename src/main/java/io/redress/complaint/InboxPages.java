package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * Pages of a brand's team inbox: one statement a page whatever the filter, the caller's membership read in it, and
 * each order served by its index ({@code complaints_inbox_due_idx}, {@code complaints_brand_idx},
 * {@code complaints_inbox_activity_idx}) so a page reads its rows in order and stops at the limit.
 */
@Repository
class InboxPages {

	/** The rows of a page for the brand's members (and moderators); nothing for anyone else. */
	private static final String PAGE = """
			SELECT %s, (SELECT r.role FROM brand_roles r WHERE r.brand_id = c.brand_id AND r.subject = :viewer) AS viewer_role
			FROM complaints c JOIN account_profiles p ON p.profile_id = c.consumer_id
			WHERE c.brand_id = :brandId
			  AND (:moderator OR EXISTS (SELECT 1 FROM brand_roles r WHERE r.brand_id = :brandId AND r.subject = :viewer))
			  AND (:status::text IS NULL OR c.status = :status)
			  AND (:category::text IS NULL OR c.category = :category)
			  AND (:assignee::text IS NULL OR c.assignee = :assignee)
			  AND (:unassigned::boolean IS NULL OR (c.assignee IS NULL) = :unassigned)
			  AND (:overdue::boolean IS NULL OR (c.due_at <= now()) = :overdue)
			  AND (:dueBefore::timestamptz IS NULL OR (c.due_at > now() AND c.due_at <= :dueBefore))
			  AND %s
			ORDER BY %s
			LIMIT :limit""";

	private static final Map<InboxOrder, String> PAGES = new EnumMap<>(InboxOrder.class);

	static {
		for (InboxOrder order : InboxOrder.values()) {
			PAGES.put(order, PAGE.formatted(Complaints.COLUMNS, order.keyset(), order.orderBy()));
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

	Flux<ComplaintPages.Listed> page(InboxQuery query, int limit) {
		return bind(db.sql(statement(query.order())), query, limit).map(ComplaintPages::listed).all();
	}

	static GenericExecuteSpec bind(GenericExecuteSpec spec, InboxQuery query, int limit) {
		InboxFilter filter = query.filter();
		return spec.bind("brandId", query.brandId())
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

	/** A page asked of a brand's inbox: by whom, filtered and ordered how, from where. */
	record InboxQuery(long brandId, String viewer, boolean moderator, InboxFilter filter, InboxOrder order,
			String afterKey, long afterId) {
	}
}
