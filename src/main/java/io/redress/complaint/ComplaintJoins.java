package io.redress.complaint;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.redress.brand.BrandListing;

/**
 * What a page's own statement reads for the query beside its complaints' rows: the to-one relations it selects, by a
 * join (each row's brand, each row's rating; relations not read here are batched by a data loader instead), and the
 * description, a long text that most lists do not show: without it, the statement reads none (null in its place).
 */
record ComplaintJoins(boolean brand, boolean rating, boolean description) {

	/** The rows alone, whole. */
	static final ComplaintJoins NONE = new ComplaintJoins(false, false, true);

	/** What a connection field's selection asks of its complaints, through {@code nodes} or {@code edges.node}. */
	static ComplaintJoins of(DataFetchingFieldSelectionSet selection) {
		return new ComplaintJoins(selects(selection, "brand"), selects(selection, "rating"),
				selects(selection, "description"));
	}

	private static boolean selects(DataFetchingFieldSelectionSet selection, String field) {
		return selection.contains("nodes/" + field) || selection.contains("edges/node/" + field);
	}

	/** The row's own columns ({@link Complaints#COLUMNS}), the description left out unless it is read. */
	String rowColumns() {
		return description ? Complaints.COLUMNS
				: Complaints.COLUMNS.replace("c.description,", "NULL::text AS description,");
	}

	/** The columns to add to a page's select list. */
	String columns() {
		return (brand ? ", " + BrandListing.COLUMNS : "") + (rating ? ", " + Ratings.JOINED_COLUMNS : "");
	}

	/** The joins to add after the page's rows ({@code c}). */
	String joins() {
		return (brand ? " JOIN brand_listing bl ON bl.brand_id = c.brand_id" : "")
				+ (rating ? " LEFT JOIN ratings rt ON rt.complaint_id = c.id" : "");
	}
}
