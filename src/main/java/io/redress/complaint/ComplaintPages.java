package io.redress.complaint;

import java.util.Collection;

import io.r2dbc.spi.Readable;
import io.redress.brand.BrandListing;
import io.redress.brand.BrandRole;
import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;
import org.springframework.stereotype.Repository;

/** Pages of complaints for feeds and brand pages, each row with the viewer's role in its brand, one statement a page. */
@Repository
class ComplaintPages {

	/** What the public may never see in a list: withdrawn complaints, and those a moderator hid or removed. */
	static final String PUBLIC_ONLY = """
			c.status <> 'WITHDRAWN' AND c.moderation IS DISTINCT FROM 'HIDDEN'
			AND c.moderation IS DISTINCT FROM 'REMOVED'""";

	/*
	 * Where a page's row holds what follows the complaint's own columns: the viewer's role, the viewer's partner
	 * brand, then the joined columns of ComplaintJoins (the brand's, then the rating's). InboxPages selects the
	 * first two in the same places.
	 */
	static final int VIEWER_ROLE_AT = Complaints.COLUMN_COUNT;
	static final int VIEWER_PARTNER_AT = Complaints.COLUMN_COUNT + 1;
	static final int JOINED_AT = Complaints.COLUMN_COUNT + 2;

	private final DatabaseClient db;

	ComplaintPages(DatabaseClient db) {
		this.db = db;
	}

	/** One page of a feed, each row with the role {@code viewerSubject} holds in its brand (none for "" or anonymous). */
	Flux<Listed> page(ComplaintQuery query, ComplaintJoins joins, String viewerSubject, int limit) {
		String statement = ComplaintPageStatements.page(query, joins, signedIn(viewerSubject), limit);
		return bindPage(db.sql(statement), query, viewerSubject, limit).map(row -> listed(row, joins)).all();
	}

	/**
	 * Up to {@code limit} public complaints of each brand from the position {@code query} gives (its status filter and
	 * keyset position; its other fields are ignored), each row with the viewer's role in its brand: one statement.
	 */
	Flux<Listed> brandPages(Collection<Long> brandIds, ComplaintQuery query, ComplaintJoins joins,
			String viewerSubject, int limit) {
		String statement = ComplaintPageStatements.brandPages(query, joins, signedIn(viewerSubject), limit);
		return bindBrandPages(db.sql(statement), brandIds, query, viewerSubject, limit).map(row -> listed(row, joins))
				.all();
	}

	/** Binds {@link ComplaintPageStatements#page}'s parameters. */
	private static GenericExecuteSpec bindPage(GenericExecuteSpec statement, ComplaintQuery query, String viewerSubject,
			int limit) {
		GenericExecuteSpec spec = statement.bind("limit", limit);
		if (query.brandId() != null) {
			spec = spec.bind("brandId", query.brandId());
		}
		if (query.consumerId() != null) {
			spec = spec.bind("consumerId", query.consumerId());
		}
		if (query.category() != null) {
			spec = spec.bind("category", query.category().name());
		}
		if (query.titlePattern() != null) {
			spec = spec.bind("pattern", query.titlePattern());
		}
		return bindRest(spec, query, viewerSubject);
	}

	/** Binds {@link ComplaintPageStatements#brandPages}'s parameters. */
	private static GenericExecuteSpec bindBrandPages(GenericExecuteSpec statement, Collection<Long> brandIds,
			ComplaintQuery query, String viewerSubject, int limit) {
		return bindRest(statement.bind("brandIds", brandIds.toArray(Long[]::new)).bind("limit", limit), query,
				viewerSubject);
	}

	/** Binds what both statements may hold: the status, the keyset position and the viewer. */
	private static GenericExecuteSpec bindRest(GenericExecuteSpec spec, ComplaintQuery query, String viewerSubject) {
		GenericExecuteSpec bound = spec;
		if (query.status() != null) {
			bound = bound.bind("status", query.status().name());
		}
		if (query.afterTime() != null) {
			bound = bound.bind("afterTime", query.afterTime()).bind("afterId", query.afterId());
		}
		return signedIn(viewerSubject) ? bound.bind("viewer", viewerSubject) : bound;
	}

	private static boolean signedIn(String viewerSubject) {
		return viewerSubject != null && !viewerSubject.isEmpty();
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

	/**
	 * A row of a page as stored, with the role the viewer holds in its brand (null when none) and the partner brought
	 * into the case that the viewer belongs to (null when none).
	 */
	record Listed(Complaint complaint, BrandRole viewerRole, Long viewerPartner) {
	}
}
