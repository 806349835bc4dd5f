package io.redress.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.schema.DataFetchingEnvironment;
import io.redress.brand.BrandListing;

/**
 * What a page's own statement reads for the query beside its complaints' rows: the to-one relations it selects, by a
 * join (each row's brand, each row's rating; relations not read here are batched by a data loader instead), and the
 * description, a long text that most lists do not show: without it, the statement reads none (null in its place);
 * and the clocks (first response, resolution, last activity and their due times), which only the fields about them
 * read: without any, the statement reads none of them (null in their places; the creation time, which makes the
 * cursor, is always read); and the joined brand's details (its website, description, creation and verification
 * times), which a list that shows its rows' brands by name does not read: without them, the statement reads none.
 */
record ComplaintJoins(boolean brand, boolean rating, boolean description, boolean clocks, boolean brandDetails) {

	/** The rows alone, whole. */
	static final ComplaintJoins NONE = new ComplaintJoins(false, false, true, true, true);

	/**
	 * The fields of a complaint known to read none of its clocks: any other field selected (the clock fields, {@code
	 * overdue}, {@code dueAt}, {@code followUp}, {@code resolution}, and any field added later) has them read.
	 */
	private static final Set<String> CLOCKLESS = Set.of("__typename", "id", "brand", "author", "title",
			"description", "category", "orderReference", "status", "assignee", "createdAt", "moderation", "redacted",
			"rating", "messages", "latestMessages");

	/**
	 * The fields of a brand known to read none of its details ({@link BrandListing#columns}): any other field selected
	 * of a row's brand (its website, description, dates, and any field added later), or the brand reached through
	 * {@code partnerCaseOf}, has them read.
	 */
	private static final Set<String> DETAILLESS_BRAND = Set.of("__typename", "id", "slug", "name", "status",
			"verified", "claimed");

	/** The columns of the clocks in {@link Complaints#COLUMNS}, each followed by a comma there. */
	private static final List<String> CLOCKS = List.of("first_response_at", "first_response_due_at", "resolved_at",
			"resolution_due_at", "last_activity_at");

	/**
	 * What a connection field asks of its complaints, through {@code nodes} or {@code edges.node}: read from the
	 * field's own nodes in the document, through its fragments. Asking graphql-java for the field's selection set
	 * instead built the normalized tree of the whole operation once a request, 2 % of the CPU and of the allocations
	 * of Q2 and Q3. Fragments' type conditions and {@code @skip}/{@code @include} are not weighed: a field they leave
	 * out may be read, never the other way round.
	 */
	static ComplaintJoins of(DataFetchingEnvironment environment) {
		Map<String, FragmentDefinition> fragments = environment.getFragmentsByName();
		boolean brand = false;
		boolean rating = false;
		boolean description = false;
		boolean clocks = false;
		boolean brandDetails = false;
		for (Field row : rows(environment.getMergedField().getFields(), fragments)) {
			for (Field field : fields(row.getSelectionSet(), fragments)) {
				switch (field.getName()) {
					case "brand" -> {
						brand = true;
						brandDetails |= readsDetails(field, fragments);
					}
					case "partnerCaseOf" -> brandDetails = true;
					case "rating" -> rating = true;
					case "description" -> description = true;
					default -> {
					}
				}
				clocks |= !CLOCKLESS.contains(field.getName());
			}
		}
		return new ComplaintJoins(brand, rating, description, clocks, brandDetails);
	}

	/** Whether a row's {@code brand} field selects any field of the brand but those known to read no details. */
	private static boolean readsDetails(Field brand, Map<String, FragmentDefinition> fragments) {
		return fields(brand.getSelectionSet(), fragments).stream()
				.anyMatch(field -> !DETAILLESS_BRAND.contains(field.getName()));
	}

	/** The fields that select a complaint's own fields: {@code nodes}, and {@code node} within {@code edges}. */
	private static List<Field> rows(List<Field> connections, Map<String, FragmentDefinition> fragments) {
		List<Field> rows = new ArrayList<>(2);
		for (Field connection : connections) {
			for (Field field : fields(connection.getSelectionSet(), fragments)) {
				if (field.getName().equals("nodes")) {
					rows.add(field);
				}
				else if (field.getName().equals("edges")) {
					for (Field node : fields(field.getSelectionSet(), fragments)) {
						if (node.getName().equals("node")) {
							rows.add(node);
						}
					}
				}
			}
		}
		return rows;
	}

	/** The fields a selection set selects, its fragments' (inline or named) included. */
	private static List<Field> fields(SelectionSet selection, Map<String, FragmentDefinition> fragments) {
		List<Field> fields = new ArrayList<>();
		collect(selection, fragments, fields);
		return fields;
	}

	private static void collect(SelectionSet selection, Map<String, FragmentDefinition> fragments, List<Field> into) {
		if (selection == null) {
			return;
		}
		for (Selection<?> item : selection.getSelections()) {
			if (item instanceof Field field) {
				into.add(field);
			}
			else if (item instanceof InlineFragment inline) {
				collect(inline.getSelectionSet(), fragments, into);
			}
			else if (item instanceof FragmentSpread spread && fragments.get(spread.getName()) != null) {
				collect(fragments.get(spread.getName()).getSelectionSet(), fragments, into);
			}
		}
	}

	/**
	 * The row's own columns ({@link Complaints#COLUMNS}, each in its place), the description and the clocks left out
	 * unless they are read: the driver neither slices nor decodes a null column.
	 */
	String rowColumns() {
		String columns = description ? Complaints.COLUMNS
				: Complaints.COLUMNS.replace("c.description,", "NULL::text AS description,");
		if (!clocks) {
			for (String clock : CLOCKS) {
				columns = columns.replace("c." + clock + ",", "NULL::timestamptz AS " + clock + ",");
			}
		}
		return columns;
	}

	/** The columns to add to a page's select list. */
	String columns() {
		return (brand ? ", " + BrandListing.columns(brandDetails) : "") + (rating ? ", " + Ratings.JOINED_COLUMNS : "");
	}

	/** The joins to add after the page's rows ({@code c}). */
	String joins() {
		return (brand ? " JOIN brand_listing bl ON bl.brand_id = c.brand_id" : "")
				+ (rating ? " LEFT JOIN ratings rt ON rt.complaint_id = c.id" : "");
	}
}
