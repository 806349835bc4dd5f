package io.redress.complaint;

import java.util.ArrayList;
import java.util.List;

import graphql.schema.DataFetchingFieldSelectionSet;
import graphql.schema.SelectedField;
import io.redress.brand.BrandListing;

/**
 * What a page's own statement reads for the query beside its complaints' rows: the to-one relations it selects, by a
 * join (each row's brand, each row's rating; relations not read here are batched by a data loader instead), and the
 * description, a long text that most lists do not show: without it, the statement reads none (null in its place).
 */
record ComplaintJoins(boolean brand, boolean rating, boolean description) {

	/** The rows alone, whole. */
	static final ComplaintJoins NONE = new ComplaintJoins(false, false, true);

	/**
	 * What a connection field's selection asks of its complaints, through {@code nodes} or {@code edges.node}: read
	 * from the selected fields themselves ({@code selection.contains} compiles a glob pattern on every call, 2 % of
	 * the CPU of a page of complaints for these three questions).
	 */
	static ComplaintJoins of(DataFetchingFieldSelectionSet selection) {
		boolean brand = false;
		boolean rating = false;
		boolean description = false;
		for (SelectedField row : rows(selection)) {
			for (SelectedField field : row.getSelectionSet().getImmediateFields()) {
				switch (field.getName()) {
					case "brand" -> brand = true;
					case "rating" -> rating = true;
					case "description" -> description = true;
					default -> {
					}
				}
			}
		}
		return new ComplaintJoins(brand, rating, description);
	}

	/** The fields that select a complaint's own fields: {@code nodes}, and {@code node} within {@code edges}. */
	private static List<SelectedField> rows(DataFetchingFieldSelectionSet selection) {
		List<SelectedField> rows = new ArrayList<>(2);
		for (SelectedField field : selection.getImmediateFields()) {
			if (field.getName().equals("nodes")) {
				rows.add(field);
			}
			else if (field.getName().equals("edges")) {
				for (SelectedField node : field.getSelectionSet().getImmediateFields()) {
					if (node.getName().equals("node")) {
						rows.add(node);
					}
				}
			}
		}
		return rows;
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
