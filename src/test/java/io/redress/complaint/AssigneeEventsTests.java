package io.redress.complaint;

import java.time.Duration;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.realtime.EventCursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;

import static io.redress.complaint.TargetTests.rowId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the brand hears about a case reaches its assignee in person: the assignment, and each target near or past,
 * on their {@code viewerEvents}, while they are a member of the brand. Nobody else gets these copies: not the
 * consumer, not the rest of the team (they have {@code brandEvents}), not a former member.
 */
class AssigneeEventsTests extends ApiTest {

	private static final String VIEWER_EVENTS = """
			subscription($after: String) { viewerEvents(after: $after) { type complaintId complaint { id assignee } } }""";

	@Autowired
	TargetWatch watch;

	private String brand;
	private String brandId;
	private String owner;
	private String agent;
	private String manager;
	private String consumer;
	private String complaintId;

	@BeforeEach
	void aCaseAssignedToAnAgent() {
		brand = unique("assigned");
		owner = unique("owner");
		agent = unique("agent");
		manager = unique("manager");
		consumer = unique("consumer");
		brandId = registerBrand(owner, brand);
		addMember(owner, brandId, agent, "AGENT");
		addMember(owner, brandId, manager, "MANAGER");
		complaintId = fileComplaint(consumer, brand, "No answer", "Nobody answers");
		succeeds(agent, "assignComplaint", complaintId, Map.of());
	}

	@Test
	void theAssigneeGetsTheAssignmentAndEveryTargetNearOrPastOnTheirViewerEvents() {
		everyTargetCameDue();

		StepVerifier.create(viewerEvents(agent).take(4).collectList())
				.assertNext(events -> {
					assertThat(events).extracting(event -> event.get("complaintId")).containsOnly(complaintId);
					assertThat(events.get(0).get("type")).isEqualTo("COMPLAINT_ASSIGNED");
					assertThat(events.subList(1, 4)).extracting(event -> event.get("type"))
							.containsExactlyInAnyOrder("DUE_SOON", "FIRST_RESPONSE_OVERDUE", "RESOLUTION_OVERDUE");
					// Read with the assignee's rights: the case whole, as the brand's side sees it.
					assertThat(events.get(3).get("complaint")).isEqualTo(Map.of("id", complaintId, "assignee", agent));
				})
				.verifyComplete();
	}

	@Test
	void theConsumerNeverGetsTheBrandsEventsOnTheirViewerEvents() {
		everyTargetCameDue();
		Cases.post(as(consumer), complaintId, "Anyone there?", "PUBLIC");

		// In order: the filing, then their message; nothing of the brand's between them.
		StepVerifier.create(viewerEvents(consumer).take(2).map(event -> event.get("type")).collectList())
				.assertNext(types -> assertThat(types).containsExactly("COMPLAINT_FILED", "MESSAGE_POSTED"))
				.verifyComplete();
	}

	@Test
	void onlyTheAssigneeIsAddressedAndTheBrandsStreamsHoldEachEventOnce() {
		everyTargetCameDue();

		assertThat(count("""
				SELECT count(*) FROM events e JOIN profiles p ON p.id = e.consumer_id
				WHERE e.complaint_id = :id AND e.visibility = 'ADDRESSEE' AND p.subject = :agent""")).isEqualTo(4);
		assertThat(count("""
				SELECT count(*) FROM events e JOIN profiles p ON p.id = e.consumer_id
				WHERE e.complaint_id = :id AND e.visibility = 'ADDRESSEE' AND p.subject <> :agent""")).isZero();
		String brandEvents = "subscription($id: ID!, $after: String) { brandEvents(brandId: $id, after: $after) { type } }";
		StepVerifier.create(subscribe(issuer().token(manager), brandEvents,
				Map.of("id", brandId, "after", EventCursor.START.encoded()), "brandEvents").take(5)
				.map(event -> event.get("type")).collectList())
				.assertNext(types -> {
					assertThat(types.subList(0, 2)).containsExactly("COMPLAINT_FILED", "COMPLAINT_ASSIGNED");
					assertThat(types.subList(2, 5)).containsExactlyInAnyOrder("DUE_SOON", "FIRST_RESPONSE_OVERDUE",
							"RESOLUTION_OVERDUE");
				})
				.verifyComplete();
	}

	@Test
	void aFormerMemberHearsNothingMoreOfTheCaseNotEvenWhatCameBefore() {
		as(owner).documentName("removeBrandMember").variable("input", Map.of("brandId", brandId, "subject", agent))
				.execute().path("removeBrandMember.userErrors").entityList(Object.class).hasSize(0);
		everyTargetCameDue();
		// Something of their own afterwards, to see where their stream stands.
		String own = fileComplaint(agent, brand, "As a customer", "I bought one too");

		assertThat(count("""
				SELECT count(*) FROM events e JOIN profiles p ON p.id = e.consumer_id
				WHERE e.complaint_id = :id AND e.visibility = 'ADDRESSEE' AND p.subject = :agent""")).isEqualTo(1);
		StepVerifier.create(viewerEvents(agent).take(1))
				.assertNext(event -> assertThat(event).containsEntry("type", "COMPLAINT_FILED")
						.containsEntry("complaintId", own))
				.verifyComplete();
	}

	@Test
	void managersGiveACaseToAnAgentWhoHearsItAndIntegrationsAreNeverAssigned() {
		String integration = unique("helpdesk");
		addMember(owner, brandId, integration, "INTEGRATION");
		String another = fileComplaint(consumer, brand, "Second", "Another one");
		succeeds(manager, "assignComplaint", another, Map.of("assignee", agent));
		perform(manager, "assignComplaint", another, Map.of("assignee", integration))
				.path("assignComplaint.userErrors[0].code").entity(String.class).isEqualTo("NOT_A_MEMBER");

		StepVerifier.create(viewerEvents(agent).take(2).map(event -> event.get("complaintId")).collectList())
				.assertNext(ids -> assertThat(ids).containsExactly(complaintId, another))
				.verifyComplete();
	}

	@Test
	void aPartnersMemberIsNeverTheAssigneeSoNeverHearsTheBrandsTargets() {
		Team courier = team(unique("courier"), "AGENT");
		as(agent).documentName("partners").operationName("involvePartner")
				.variable("input", Map.of("complaintId", complaintId, "partnerBrandSlug", courier.slug())).execute()
				.path("involvePartner.userErrors").entityList(Object.class).hasSize(0);

		perform(manager, "assignComplaint", complaintId, Map.of("assignee", courier.member("AGENT")))
				.path("assignComplaint.userErrors[0].code").entity(String.class).isEqualTo("NOT_A_MEMBER");
		everyTargetCameDue();

		assertThat(db.sql("""
				SELECT count(*) FROM events e JOIN profiles p ON p.id = e.consumer_id
				WHERE e.complaint_id = :id AND e.visibility = 'ADDRESSEE' AND p.subject = :member""")
				.bind("id", rowId(complaintId)).bind("member", courier.member("AGENT"))
				.map(row -> row.get(0, Long.class)).one().block()).isZero();
	}

	@Test
	void anonymousCallersHaveNoViewerEvents() {
		StepVerifier.create(subscribe((String) null, VIEWER_EVENTS, Map.of("after", EventCursor.START.encoded()),
				"viewerEvents"))
				.expectError()
				.verify(Duration.ofSeconds(30));
	}

	/** The case's due-soon and overdue moments passed while its targets stand, and a sweep announced them. */
	private void everyTargetCameDue() {
		db.sql("""
				UPDATE complaint_deadlines SET due_at = now() - interval '1 minute'
				WHERE complaint_id = :id AND kind IN ('RESOLUTION_DUE_SOON', 'FIRST_RESPONSE_OVERDUE', 'RESOLUTION_OVERDUE')""")
				.bind("id", rowId(complaintId)).then().block();
		watch.sweep().block(Duration.ofSeconds(30));
	}

	private Flux<Map<String, Object>> viewerEvents(String subscriber) {
		return subscribe(issuer().token(subscriber), VIEWER_EVENTS, Map.of("after", EventCursor.START.encoded()),
				"viewerEvents");
	}

	private long count(String sql) {
		return db.sql(sql).bind("id", rowId(complaintId)).bind("agent", agent).map(row -> row.get(0, Long.class))
				.one().block();
	}
}
