package io.redress.complaint;

import graphql.schema.DataFetchingFieldSelectionSet;
import io.redress.brand.BrandListing;

/**
 * The to-one relations of a page's complaints that the query selects, so the page's own statement reads them by a
 * join: each row's brand, each row's rating. Relations not read here are batched by a data loader instead.
 */
record ComplaintJoins(boolean brand, boolean rating) {

	/** Nothing read beside the rows. */
	static final ComplaintJoins NONE = new ComplaintJoins(false, false);

	/** What a connection field's selection asks of its complaints, through {@code nodes} or {@code edges.node}. */
	static ComplaintJoins of(DataFetchingFieldSelectionSet selection) {
		return new ComplaintJoins(selects(selection, "brand"), selects(selection, "rating"));
	}

	private static boolean selects(DataFetchingFieldSelectionSet selection, String field) {
		return selection.contains("nodes/" + field) || selection.contains("edges/node/" + field);
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
