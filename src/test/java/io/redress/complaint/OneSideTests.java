package io.redress.complaint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.realtime.EventCursor;
import io.redress.shared.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static io.redress.complaint.Cases.act;
import static io.redress.complaint.Cases.post;
import static io.redress.complaint.Cases.view;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * One person, one side: nobody acts on both sides of a complaint. The attack of issue 10 (an agent files against
 * their own brand, proposes, accepts and rates, and the brand's score climbs) fails at every step.
 */
class OneSideTests extends ApiTest {

	private static final String BRAND_EVENTS = """
			subscription($id: ID!, $after: String) {
			  brandEvents(brandId: $id, after: $after) { type complaintId }
			}""";

	private String brand;
	private String brandId;
	private String owner;
	private String agent;
	private String integration;

	@BeforeEach
	void brandWithATeam() {
		brand = unique("b1");
		owner = unique("owner");
		agent = unique("agent1");
		integration = unique("helpdesk");
		brandId = registerBrand(owner, brand);
		addMember(owner, brandId, agent, "AGENT");
		addMember(owner, brandId, integration, "INTEGRATION");
	}

	@Test
	void aBrandsMembersAndIntegrationsCannotFileAgainstItAndNothingIsWritten() {
		for (String member : List.of(agent, integration, owner)) {
			file(member, Map.of("brandSlug", brand))
					.path("fileComplaint.complaint").valueIsNull()
					.path("fileComplaint.userErrors[0].code").entity(String.class).isEqualTo("OWN_BRAND")
					.path("fileComplaint.userErrors[0].field").entity(String.class).isEqualTo("brandSlug");
		}
		file(agent, Map.of("newBrand", Map.of("name", brand, "website", brand + ".example")))
				.path("fileComplaint.userErrors[0].code").entity(String.class).isEqualTo("OWN_BRAND")
				.path("fileComplaint.userErrors[0].field").entity(String.class).isEqualTo("newBrand");

		assertThat(complaintsAgainstTheBrand()).isZero();
		assertThat(eventsOfTheBrand("COMPLAINT_FILED")).isZero();
	}

	@Test
	void aConsumerWhoJoinsTheBrandLaterActsOnTheirOwnComplaintOnlyAsItsConsumer() {
		String consumer = unique("consumer");
		String complaintId = fileComplaint(consumer, brand, "Kettle leaks", "It leaks", "K-1");
		addMember(owner, brandId, consumer, "MANAGER");

		expectForbidden(act(as(consumer), "proposeResolution", complaintId,
				Map.of("kind", "REFUND", "summary", "A full refund to myself")));
		expectForbidden(act(as(consumer), "assignComplaint", complaintId));
		expectForbidden(act(as(consumer), "assignComplaint", complaintId, Map.of("assignee", agent)));
		act(as(owner), "assignComplaint", complaintId, Map.of("assignee", consumer))
				.path("assignComplaint.userErrors[0].code").entity(String.class).isEqualTo("OWN_COMPLAINT")
				.path("assignComplaint.userErrors[0].field").entity(String.class).isEqualTo("assignee");
		post(as(consumer), complaintId, "Any news?", "PUBLIC")
				.path("postMessage.message.authorKind").entity(String.class).isEqualTo("CONSUMER")
				.path("postMessage.complaint.status").entity(String.class).isEqualTo("OPEN")
				.path("postMessage.complaint.firstResponseAt").valueIsNull();

		act(as(agent), "assignComplaint", complaintId).path("assignComplaint.userErrors").entityList(Object.class)
				.hasSize(0);
		view(as(agent), complaintId).path("complaint.assignee").entity(String.class).isEqualTo(agent);
		view(as(consumer), complaintId).path("complaint.assignee").valueIsNull()
				.path("complaint.orderReference").entity(String.class).isEqualTo("K-1");

		// The brand's side is for its other members; the consumer answers as the consumer.
		act(as(agent), "proposeResolution", complaintId, Map.of("kind", "REPAIR", "summary", "We fix it"))
				.path("proposeResolution.userErrors").entityList(Object.class).hasSize(0);
		act(as(consumer), "acceptResolution", complaintId)
				.path("acceptResolution.complaint.status").entity(String.class).isEqualTo("RESOLVED");
	}

	@Test
	void theSelfDealingOfIssue10FailsAtEveryStep() {
		file(agent, Map.of("brandSlug", brand))
				.path("fileComplaint.userErrors[0].code").entity(String.class).isEqualTo("OWN_BRAND");

		// The same person as a consumer first, then a member: still never the brand on their own complaint.
		String insider = unique("insider");
		String complaintId = fileComplaint(insider, brand, "Fake trouble", "Nothing wrong really");
		addMember(owner, brandId, insider, "AGENT");
		expectForbidden(act(as(insider), "proposeResolution", complaintId,
				Map.of("kind", "EXPLANATION", "summary", "All good")));
		expectForbidden(act(as(insider), "assignComplaint", complaintId));
		act(as(insider), "acceptResolution", complaintId)
				.path("acceptResolution.userErrors[0].code").entity(String.class).isEqualTo("INVALID_STATE");
		act(as(insider), "rateResolution", complaintId, Map.of("stars", 5, "wouldBuyAgain", true))
				.path("rateResolution.userErrors[0].code").entity(String.class).isEqualTo("INVALID_STATE");
		view(as(insider), complaintId).path("complaint.status").entity(String.class).isEqualTo("OPEN")
				.path("complaint.rating").valueIsNull();
	}

	@Test
	void aMemberFollowingTheBrandGetsOnlyWhatTheConsumerSeesOfComplaintsTheyFiled() {
		String insider = unique("insider");
		String own = fileComplaint(insider, brand, "My own case", "Filed before joining");
		addMember(owner, brandId, insider, "AGENT");
		String others = fileComplaint(unique("consumer"), brand, "Someone else's case", "Broken");
		act(as(agent), "assignComplaint", own).path("assignComplaint.userErrors").entityList(Object.class).hasSize(0);
		act(as(agent), "assignComplaint", others).path("assignComplaint.userErrors").entityList(Object.class)
				.hasSize(0);
		Map<String, Object> fromStart = Map.of("id", brandId, "after", EventCursor.START.encoded());

		StepVerifier.create(subscribe(issuer().token(agent), BRAND_EVENTS, fromStart, "brandEvents").take(4)
				.map(OneSideTests::typeAndComplaint).collectList())
				.assertNext(events -> assertThat(events).containsExactly("COMPLAINT_FILED " + own,
						"COMPLAINT_FILED " + others, "COMPLAINT_ASSIGNED " + own, "COMPLAINT_ASSIGNED " + others))
				.verifyComplete();
		StepVerifier.create(subscribe(issuer().token(insider), BRAND_EVENTS, fromStart, "brandEvents").take(3)
				.map(OneSideTests::typeAndComplaint).collectList())
				.assertNext(events -> assertThat(events).containsExactly("COMPLAINT_FILED " + own,
						"COMPLAINT_FILED " + others, "COMPLAINT_ASSIGNED " + others))
				.verifyComplete();
	}

	private static String typeAndComplaint(Map<String, Object> event) {
		return event.get("type") + " " + event.get("complaintId");
	}

	private GraphQlTester.Response file(String caller, Map<String, Object> target) {
		Map<String, Object> input = new HashMap<>(Map.of("title", "Fake trouble", "description",
				"Nothing wrong really", "category", "OTHER"));
		input.putAll(target);
		return as(caller).documentName("fileComplaint").variable("input", input).execute();
	}

	private static void expectForbidden(GraphQlTester.Response response) {
		response.errors().expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
	}

	private long complaintsAgainstTheBrand() {
		return db.sql("SELECT count(*) FROM complaint_outcomes WHERE brand_id = :brandId")
				.bind("brandId", GlobalId.decode(brandId, "Brand").orElseThrow())
				.map(row -> row.get(0, Long.class)).one().block();
	}

	private long eventsOfTheBrand(String type) {
		return db.sql("SELECT count(*) FROM events WHERE brand_id = :brandId AND type = :type")
				.bind("brandId", GlobalId.decode(brandId, "Brand").orElseThrow()).bind("type", type)
				.map(row -> row.get(0, Long.class)).one().block();
	}
}
