package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import io.redress.brand.BrandListing;
import io.redress.shared.SelectLists;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The complaint pages read their rows by position: each statement must put each column where the row mappers read
 * it. Fails when a select list's order drifts from the constants of {@link Complaints}, {@link ComplaintPages} and
 * {@link Ratings}.
 */
class ComplaintColumnsTests {

	/** What {@link Complaints#complaint} reads at each position. */
	private static final List<String> COMPLAINT = List.of("id", "brand_id", "consumer_id", "consumer_subject",
			"public_name", "title", "description", "category", "order_reference", "status", "assignee", "created_at",
			"first_response_at", "first_response_due_at", "resolved_at", "resolution_due_at", "last_activity_at",
			"moderation", "redacted");

	@Test
	void complaintColumnsStandWhereTheMapperReadsThem() {
		List<String> names = SelectLists.columns(Complaints.COLUMNS);
		assertThat(names).hasSize(Complaints.COLUMN_COUNT).isEqualTo(COMPLAINT);
		int[] positions = { Complaints.ID, Complaints.BRAND_ID, Complaints.CONSUMER_ID, Complaints.CONSUMER_SUBJECT,
				Complaints.PUBLIC_NAME, Complaints.TITLE, Complaints.DESCRIPTION, Complaints.CATEGORY,
				Complaints.ORDER_REFERENCE, Complaints.STATUS, Complaints.ASSIGNEE, Complaints.CREATED_AT,
				Complaints.FIRST_RESPONSE_AT, Complaints.FIRST_RESPONSE_DUE_AT, Complaints.RESOLVED_AT,
				Complaints.RESOLUTION_DUE_AT, Complaints.LAST_ACTIVITY_AT, Complaints.MODERATION, Complaints.REDACTED };
		for (int i = 0; i < positions.length; i++) {
			assertThat(names.get(positions[i])).as("column %d", i).isEqualTo(COMPLAINT.get(i));
		}
	}

	@Test
	void everyStatementReadingComplaintsSelectsTheirColumnsFirst() {
		pageStatements(new ComplaintJoins(true, true, true, true, true));
		for (Class<?> type : List.of(Complaints.class, ComplaintPageStatements.class, InboxPages.class, PublicCaseQueries.class,
				ComplaintExport.class)) {
			List<String> statements = SelectLists.statements(type).stream()
					.filter(statement -> statement.strip().startsWith("SELECT"))
					.filter(statement -> statement.contains("p.subject AS consumer_subject")).toList();
			assertThat(statements).as(type.getSimpleName()).isNotEmpty();
			for (String statement : statements) {
				assertThat(SelectLists.selected(statement).subList(0, Complaints.COLUMN_COUNT)).as(statement)
						.isEqualTo(COMPLAINT);
			}
		}
	}

	/** A feed's page and several brands' pages, each for an anonymous and a signed-in reader, with and without filters. */
	private static List<String> pageStatements(ComplaintJoins joins) {
		ComplaintQuery none = new ComplaintQuery(null, null, null, null, null, null, 0);
		ComplaintQuery every = new ComplaintQuery(1L, 2L, ComplaintStatus.OPEN, ComplaintCategory.DELIVERY, "%x%",
				OffsetDateTime.now(), 3);
		List<String> statements = new ArrayList<>();
		for (boolean signedIn : new boolean[] { true, false }) {
			for (ComplaintQuery query : List.of(none, every)) {
				statements.add(ComplaintPageStatements.page(query, joins, signedIn, 21));
				statements.add(ComplaintPageStatements.brandPages(query, joins, signedIn, 6));
			}
		}
		return statements;
	}

	@Test
	void pagesPutTheViewersPartAndTheJoinedColumnsWhereListedReadsThem() {
		List<String> brand = SelectLists.columns(BrandListing.COLUMNS);
		List<String> rating = SelectLists.columns(Ratings.JOINED_COLUMNS);
		assertThat(brand).hasSize(BrandListing.COLUMN_COUNT);
		assertThat(rating).hasSize(Ratings.JOINED_COLUMN_COUNT);
		assertThat(List.of(rating.get(Ratings.JOINED_COMPLAINT_ID), rating.get(Ratings.JOINED_STARS),
				rating.get(Ratings.JOINED_WOULD_BUY_AGAIN), rating.get(Ratings.JOINED_COMMENT),
				rating.get(Ratings.JOINED_RATED_AT), rating.get(Ratings.JOINED_REVISABLE)))
				.containsExactly("rating_complaint_id", "rating_stars", "rating_would_buy_again", "rating_comment",
						"rating_rated_at", "rating_revisable");
		for (boolean withBrand : new boolean[] { true, false }) {
			for (boolean withRating : new boolean[] { true, false }) {
				for (int shape = 0; shape < 8; shape++) {
					ComplaintJoins joins = new ComplaintJoins(withBrand, withRating, shape % 2 == 0, shape % 4 < 2,
							shape < 4);
					for (String statement : pageStatements(joins)) {
						List<String> names = SelectLists.selected(statement);
						assertThat(names.subList(0, Complaints.COLUMN_COUNT)).isEqualTo(COMPLAINT);
						assertThat(names.get(ComplaintPages.VIEWER_ROLE_AT)).isEqualTo("viewer_role");
						assertThat(names.get(ComplaintPages.VIEWER_PARTNER_AT)).isEqualTo("viewer_partner");
						assertThat(statement.contains("c.description,")).isEqualTo(joins.description());
						assertThat(statement.contains("c.resolved_at,")).isEqualTo(joins.clocks());
						assertThat(statement.contains("bl.description AS")).isEqualTo(withBrand && joins.brandDetails());
						boolean signedIn = statement.contains(":viewer");
						for (String privatePart : List.of("p.subject AS", "c.order_reference,", "c.assignee,")) {
							assertThat(statement.contains(privatePart)).as(privatePart).isEqualTo(signedIn);
						}
						int at = ComplaintPages.JOINED_AT;
						if (withBrand) {
							assertThat(names.subList(at, at + BrandListing.COLUMN_COUNT)).isEqualTo(brand);
							at += BrandListing.COLUMN_COUNT;
						}
						if (withRating) {
							assertThat(names.subList(at, at + Ratings.JOINED_COLUMN_COUNT)).isEqualTo(rating);
							at += Ratings.JOINED_COLUMN_COUNT;
						}
						assertThat(names).hasSize(at);
					}
				}
			}
		}
		for (String statement : SelectLists.statements(InboxPages.class)) {
			if (statement.contains("p.subject AS consumer_subject")) {
				List<String> names = SelectLists.selected(statement);
				assertThat(names.get(ComplaintPages.VIEWER_ROLE_AT)).isEqualTo("viewer_role");
				assertThat(names.get(ComplaintPages.VIEWER_PARTNER_AT)).isEqualTo("viewer_partner");
			}
		}
	}
}
