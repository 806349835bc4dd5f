package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.shared.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static io.redress.complaint.Cases.act;
import static io.redress.complaint.Cases.post;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad input of every kind gets a clear error and changes nothing. */
class ComplaintInputTests extends ApiTest {

	private String brand;
	private String consumer;
	private String agent;
	private String owner;

	@BeforeEach
	void brandWithAnAgent() {
		brand = unique("input");
		consumer = unique("consumer");
		agent = unique("agent");
		owner = unique("owner");
		addMember(owner, registerBrand(owner, brand), agent, "AGENT");
	}

	@Test
	void filingChecksEveryField() {
		file(Map.of("brandSlug", brand, "title", "", "description", "d".repeat(10_001), "category", "OTHER",
				"orderReference", "r".repeat(101)))
				.path("fileComplaint.complaint").valueIsNull()
				.path("fileComplaint.userErrors[*].field").entityList(String.class)
				.containsExactly("title", "description", "orderReference")
				.path("fileComplaint.userErrors[*].code").entityList(String.class)
				.containsExactly("BLANK", "TOO_LONG", "TOO_LONG");
		file(Map.of("brandSlug", "no-such-brand-" + brand, "title", "t", "description", "d", "category", "OTHER"))
				.path("fileComplaint.userErrors[0].code").entity(String.class).isEqualTo("NOT_FOUND");
		file(Map.of("title", "t", "description", "d", "category", "OTHER"))
				.path("fileComplaint.userErrors[0].field").entity(String.class).isEqualTo("brandSlug");
		file(Map.of("newBrand", Map.of("name", "X", "website", "not a site"), "title", "t", "description", "d",
				"category", "OTHER"))
				.path("fileComplaint.userErrors[0].field").entity(String.class).isEqualTo("newBrand.website");
		file(Map.of("brandSlug", brand, "title", "t", "description", "d", "category", "NOT_A_CATEGORY"))
				.errors().expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST).verify();
		assertThat(complaintsAgainstBrand()).isZero();
	}

	@Test
	void transitionsNotAllowedFromTheCurrentStateAreUserErrors() {
		String id = fileComplaint(consumer, brand, "Late", "Very late");

		act(as(consumer), "acceptResolution", id)
				.path("acceptResolution.userErrors[0].code").entity(String.class).isEqualTo("INVALID_STATE");
		act(as(consumer), "rateResolution", id, Map.of("stars", 5, "wouldBuyAgain", true))
				.path("rateResolution.userErrors[0].code").entity(String.class).isEqualTo("INVALID_STATE");
		act(as(consumer), "reopenComplaint", id)
				.path("reopenComplaint.userErrors[0].code").entity(String.class).isEqualTo("INVALID_STATE");

		post(as(agent), id, "On it", "PUBLIC");
		act(as(consumer), "withdrawComplaint", id)
				.path("withdrawComplaint.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_ANSWERED");
		act(as(agent), "proposeResolution", id, Map.of("kind", "REFUND", "summary", "Refund"));
		act(as(agent), "proposeResolution", id, Map.of("kind", "CREDIT", "summary", "Credit"))
				.path("proposeResolution.userErrors[0].code").entity(String.class).isEqualTo("PROPOSAL_PENDING");

		act(as(consumer), "giveUpComplaint", id)
				.path("giveUpComplaint.complaint.status").entity(String.class).isEqualTo("UNRESOLVED");
		post(as(consumer), id, "Hello?", "PUBLIC")
				.path("postMessage.userErrors[0].code").entity(String.class).isEqualTo("INVALID_STATE");
		act(as(consumer), "giveUpComplaint", id)
				.path("giveUpComplaint.userErrors[0].code").entity(String.class).isEqualTo("INVALID_STATE");
		assertThat(status(id)).isEqualTo("UNRESOLVED");
	}

	@Test
	void ratingIsOneToFiveStarsOnceUntilAReopen() {
		String id = resolved();

		for (int stars : new int[] { 0, 6 }) {
			act(as(consumer), "rateResolution", id, Map.of("stars", stars, "wouldBuyAgain", true))
					.path("rateResolution.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
		}
		act(as(consumer), "rateResolution", id, Map.of("stars", 2, "wouldBuyAgain", false))
				.path("rateResolution.complaint.rating.stars").entity(Integer.class).isEqualTo(2);
		act(as(consumer), "rateResolution", id, Map.of("stars", 5, "wouldBuyAgain", true))
				.path("rateResolution.userErrors[0].code").entity(String.class).isEqualTo("ALREADY_RATED");

		act(as(consumer), "reopenComplaint", id)
				.path("reopenComplaint.complaint.status").entity(String.class).isEqualTo("IN_PROGRESS")
				.path("reopenComplaint.complaint.rating.revisable").entity(Boolean.class).isEqualTo(true);
		act(as(agent), "proposeResolution", id, Map.of("kind", "REFUND", "summary", "Refund after all"));
		act(as(consumer), "acceptResolution", id);
		act(as(consumer), "rateResolution", id, Map.of("stars", 5, "wouldBuyAgain", true))
				.path("rateResolution.complaint.rating.stars").entity(Integer.class).isEqualTo(5)
				.path("rateResolution.complaint.rating.revisable").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void reopeningClosesThirtyDaysAfterResolution() {
		String id = resolved();
		db.sql("UPDATE complaints SET resolved_at = now() - interval '31 days' WHERE id = :id")
				.bind("id", GlobalId.decode(id, Complaint.TYPE).orElseThrow()).then().block();

		act(as(consumer), "reopenComplaint", id)
				.path("reopenComplaint.userErrors[0].code").entity(String.class).isEqualTo("REOPEN_WINDOW_CLOSED");
		assertThat(status(id)).isEqualTo("RESOLVED");
	}

	@Test
	void assigneeWithACharacterPostgresCannotStoreIsAUserError() {
		String id = fileComplaint(consumer, brand, "Broken", "It broke");

		act(as(owner), "assignComplaint", id, Map.of("assignee", "agent\u0000one"))
				.path("assignComplaint.userErrors[0].field").entity(String.class).isEqualTo("assignee")
				.path("assignComplaint.userErrors[0].code").entity(String.class).isEqualTo("INVALID");
		act(as(owner), "assignComplaint", id, Map.of("assignee", "a".repeat(256)))
				.path("assignComplaint.userErrors[0].code").entity(String.class).isEqualTo("TOO_LONG");
	}

	@Test
	void overLongOrEmptyTextAndBadValuesChangeNothing() {
		String id = fileComplaint(consumer, brand, "Broken", "It broke");

		post(as(consumer), id, " ", "PUBLIC")
				.path("postMessage.userErrors[0].code").entity(String.class).isEqualTo("BLANK");
		post(as(consumer), id, "x".repeat(10_001), "PUBLIC")
				.path("postMessage.userErrors[0].code").entity(String.class).isEqualTo("TOO_LONG");
		act(as(agent), "proposeResolution", id, Map.of("kind", "REFUND", "summary", "s".repeat(2001)))
				.path("proposeResolution.userErrors[0].code").entity(String.class).isEqualTo("TOO_LONG");
		act(as(agent), "proposeResolution", id,
				Map.of("kind", "REFUND", "summary", "Soon", "dueAt", OffsetDateTime.now().minusDays(1).toString()))
				.path("proposeResolution.userErrors[0].field").entity(String.class).isEqualTo("dueAt");
		act(as(agent), "assignComplaint", id, Map.of("assignee", unique("stranger")))
				.errors().expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		act(as(consumer), "rejectResolution", id, Map.of("reason", ""))
				.path("rejectResolution.userErrors[0].code").entity(String.class).isEqualTo("INVALID_STATE");

		assertThat(status(id)).isEqualTo("OPEN");
		assertThat(db.sql("SELECT count(*) FROM messages m JOIN complaints c ON c.id = m.complaint_id "
				+ "JOIN brands b ON b.id = c.brand_id WHERE b.slug = :slug").bind("slug", brand)
				.map(row -> row.get(0, Long.class)).one().block()).isZero();
	}

	@Test
	void unknownOrForeignComplaintIdsAreNotFound() {
		String brandId = as(consumer).document("query($slug: String!) { brand(slug: $slug) { id } }")
				.variable("slug", brand).execute().path("brand.id").entity(String.class).get();
		for (String id : new String[] { "garbage", "Q29tcGxhaW50Ojk5OTk5OTk5OQ", brandId }) {
			act(as(consumer), "acceptResolution", id)
					.errors().expect(error -> error.getErrorType() == ErrorType.NOT_FOUND).verify();
			Cases.view(as(consumer), id).path("complaint").valueIsNull();
		}
	}

	private String resolved() {
		String id = fileComplaint(consumer, brand, "Faulty", "Stopped working");
		act(as(agent), "proposeResolution", id, Map.of("kind", "REPAIR", "summary", "We repair it"));
		act(as(consumer), "acceptResolution", id)
				.path("acceptResolution.complaint.status").entity(String.class).isEqualTo("RESOLVED");
		return id;
	}

	private GraphQlTester.Response file(Map<String, Object> input) {
		return as(consumer).documentName("fileComplaint").variable("input", new HashMap<>(input)).execute();
	}

	private String status(String id) {
		return Cases.view(as(consumer), id).path("complaint.status").entity(String.class).get();
	}

	private long complaintsAgainstBrand() {
		return db.sql("SELECT count(*) FROM complaints c JOIN brands b ON b.id = c.brand_id WHERE b.slug = :slug")
				.bind("slug", brand).map(row -> row.get(0, Long.class)).one().block();
	}
}
