package io.redress.complaint;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.realtime.EventCursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static io.redress.complaint.Cases.post;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partners in the case: the brand's team brings another brand in; the partner's members read the case and post as
 * the partner until it declines; the consumer may keep private messages from partners; the case stays the brand's.
 */
class PartnerTests extends ApiTest {

	enum Caller {
		ANONYMOUS, CONSUMER, AGENT, MANAGER, INTEGRATION, PARTNER_MEMBER, OTHER_BRANDS_AGENT, MODERATOR
	}

	private static final String BRAND_EVENTS = """
			subscription($id: ID!, $after: String) {
			  brandEvents(brandId: $id, after: $after) { type complaintId message { body } }
			}""";

	private String brand;
	private String courier;
	private String courierId;
	private String consumer;
	private String agent;
	private String manager;
	private String integration;
	private String courierAgent;
	private String otherAgent;
	private String complaintId;

	@BeforeEach
	void aBrandItsCourierAndACase() {
		Team shop = team(unique("shop"), "AGENT", "MANAGER", "INTEGRATION");
		brand = shop.slug();
		agent = shop.member("AGENT");
		manager = shop.member("MANAGER");
		integration = shop.member("INTEGRATION");
		Team courierTeam = team(unique("courier"), "AGENT");
		courier = courierTeam.slug();
		courierId = courierTeam.id();
		courierAgent = courierTeam.member("AGENT");
		otherAgent = team(unique("other"), "AGENT").member("AGENT");
		consumer = unique("consumer");
		complaintId = fileComplaint(consumer, brand, "Parcel never came", "Tracking says delivered", "ORDER-77");
	}

	@Test
	void theBrandsAgentBringsInAPartnerThatEveryoneSeesJoin() {
		GraphQlTester.Response involved = involve(agent, Map.of("partnerBrandSlug", courier,
				"note", "Please check the driver's scan at 12 Elm Street"));

		involved.path("involvePartner.userErrors").entityList(Object.class).hasSize(0)
				.path("involvePartner.complaint.status").entity(String.class).isEqualTo("OPEN")
				.path("involvePartner.complaint.partners[0].brand.slug").entity(String.class).isEqualTo(courier)
				.path("involvePartner.complaint.partners[0].status").entity(String.class).isEqualTo("INVOLVED")
				.path("involvePartner.complaint.partners[0].joinedAt").hasValue();
		view(consumer).path("complaint.partners[0].note").entity(String.class)
				.isEqualTo("Please check the driver's scan at 12 Elm Street");
		view(anonymous()).path("complaint.partners[0].brand.slug").entity(String.class).isEqualTo(courier)
				.path("complaint.partners[0].joinedAt").hasValue()
				.path("complaint.partners[0].note").valueIsNull();
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(Caller.class)
	void onlyTheBrandsOwnersManagersAndAgentsBringInAPartner(Caller caller) {
		GraphQlTester.Response response = involve(tester(caller), Map.of("partnerBrandSlug", courier));

		if (caller == Caller.AGENT || caller == Caller.MANAGER) {
			response.path("involvePartner.userErrors").entityList(Object.class).hasSize(0);
		}
		else {
			ErrorType expected = caller == Caller.ANONYMOUS ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN;
			response.errors().expect(error -> error.getErrorType() == expected).verify();
			// Only the partner member's own partner is in the case (their test brought it in), nobody else.
			view(consumer).path("complaint.partners").entityList(Object.class)
					.hasSize(caller == Caller.PARTNER_MEMBER ? 1 : 0);
		}
	}

	@Test
	void badPartnersAreUserErrorsAndChangeNothing() {
		assertThat(involveError(Map.of("partnerBrandSlug", "no-such-brand-" + unique("x")))).isEqualTo("UNKNOWN_PARTNER");
		assertThat(involveError(Map.of("partnerBrandSlug", brand))).isEqualTo("PARTNER_IS_THE_BRAND");
		assertThat(involveError(Map.of())).isEqualTo("INVALID");
		assertThat(involveError(Map.of("partnerBrandSlug", courier, "note", "x".repeat(2001)))).isEqualTo("TOO_LONG");
		view(consumer).path("complaint.partners").entityList(Object.class).hasSize(0);

		involve(agent, Map.of("partnerBrandSlug", courier)).path("involvePartner.userErrors").entityList(Object.class)
				.hasSize(0);
		assertThat(involveError(Map.of("partnerBrandSlug", courier))).isEqualTo("ALREADY_INVOLVED");
	}

	@Test
	void aPartnerNotOnRedressYetIsCreatedUnclaimedAsWhenFiling() {
		String name = "Speedy Parcels " + unique("n");
		involve(agent, Map.of("newPartner", Map.of("name", name, "website", unique("speedy") + ".example")))
				.path("involvePartner.userErrors").entityList(Object.class).hasSize(0)
				.path("involvePartner.complaint.partners[0].brand.status").entity(String.class).isEqualTo("UNCLAIMED");
	}

	@Test
	void aClosedCaseTakesNoPartner() {
		perform(consumer, "giveUpComplaint", complaintId).path("giveUpComplaint.userErrors").entityList(Object.class)
				.hasSize(0);

		assertThat(involveError(Map.of("partnerBrandSlug", courier))).isEqualTo("INVALID_STATE");
	}

	@Test
	void partnerMembersReadTheWholeCaseButNotWhoWorksItAndPostAsThePartner() {
		succeeds(agent, "assignComplaint", complaintId, Map.of());
		post(as(consumer), complaintId, "I live at 12 Elm Street", "PRIVATE");
		view(courierAgent).path("complaint.orderReference").valueIsNull();
		involve(agent, Map.of("partnerBrandSlug", courier));

		view(courierAgent).path("complaint.orderReference").entity(String.class).isEqualTo("ORDER-77")
				.path("complaint.assignee").valueIsNull()
				.path("complaint.messages.nodes[0].body").entity(String.class).isEqualTo("I live at 12 Elm Street");
		post(as(courierAgent), complaintId, "Our driver left it with a neighbour", "PRIVATE")
				.path("postMessage.userErrors").entityList(Object.class).hasSize(0)
				.path("postMessage.message.authorKind").entity(String.class).isEqualTo("PARTNER")
				.path("postMessage.message.authorName").entity(String.class).isEqualTo(courier)
				// A partner's answer is not the brand's response: the case stays where it was.
				.path("postMessage.complaint.status").entity(String.class).isEqualTo("OPEN")
				.path("postMessage.complaint.firstResponseAt").valueIsNull();
		post(as(courierAgent), complaintId, "Delivered at 14:02 to number 14", "PUBLIC")
				.path("postMessage.message.visibility").entity(String.class).isEqualTo("PUBLIC");

		view(consumer).path("complaint.partners[0].firstResponseAt").hasValue()
				.path("complaint.messages.nodes[1].authorName").entity(String.class).isEqualTo(courier);
		view(anonymous()).path("complaint.messages.nodes[*].body").entityList(String.class)
				.containsExactly("Delivered at 14:02 to number 14");
		view(otherAgent).path("complaint.orderReference").valueIsNull()
				.path("complaint.messages.nodes").entityList(Object.class).hasSize(1);
		post(as(otherAgent), complaintId, "Not ours", "PUBLIC").errors()
				.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
	}

	@Test
	void partnerMembersSeeTheCaseWholeInFeedsToo() {
		involve(agent, Map.of("partnerBrandSlug", courier));

		as(courierAgent).documentName("partners").operationName("partnerFeed").variable("slug", brand).execute()
				.path("complaints.nodes[0].orderReference").entity(String.class).isEqualTo("ORDER-77");
		as(otherAgent).documentName("partners").operationName("partnerFeed").variable("slug", brand).execute()
				.path("complaints.nodes[0].orderReference").valueIsNull();
	}

	@Test
	void theConsumerKeepsAPrivateMessageFromPartnersOnlyAndOnlyTheConsumer() {
		String address = messageId(post(as(consumer), complaintId, "My door code is 4711", "PRIVATE"));
		String publicOne = messageId(post(as(consumer), complaintId, "Still waiting", "PUBLIC"));
		involve(agent, Map.of("partnerBrandSlug", courier));
		assertThat(bodies(courierAgent)).contains("My door code is 4711");

		for (Caller caller : List.of(Caller.AGENT, Caller.PARTNER_MEMBER, Caller.MODERATOR)) {
			keep(tester(caller), address, true).errors()
					.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		}
		keep(tester(Caller.OTHER_BRANDS_AGENT), address, true).errors()
				.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND).verify();
		keep(anonymous(), address, true).errors()
				.expect(error -> error.getErrorType() == ErrorType.UNAUTHORIZED).verify();
		keep(as(consumer), publicOne, true).path("keepMessageFromPartners.userErrors[0].code").entity(String.class)
				.isEqualTo("PRIVATE_ONLY");

		keep(as(consumer), address, true).path("keepMessageFromPartners.message.keptFromPartners")
				.entity(Boolean.class).isEqualTo(true);
		assertThat(bodies(courierAgent)).doesNotContain("My door code is 4711").contains("Still waiting");
		assertThat(bodies(agent)).contains("My door code is 4711");
		node(courierAgent, address).path("node").valueIsNull();

		keep(as(consumer), address, false);
		assertThat(bodies(courierAgent)).contains("My door code is 4711");
	}

	@Test
	void theConsumerMayKeepAPrivateMessageFromPartnersAsTheyPostIt() {
		involve(agent, Map.of("partnerBrandSlug", courier));

		postKept(consumer, "PRIVATE").path("postMessage.userErrors").entityList(Object.class).hasSize(0);
		postKept(consumer, "PUBLIC").path("postMessage.userErrors[0].code").entity(String.class)
				.isEqualTo("PRIVATE_ONLY");
		postKept(agent, "PRIVATE").path("postMessage.userErrors[0].code").entity(String.class)
				.isEqualTo("CONSUMER_ONLY");

		assertThat(bodies(courierAgent)).doesNotContain("Keep this from the courier");
		assertThat(bodies(agent)).containsOnlyOnce("Keep this from the courier");
	}

	@Test
	void aPartnerDeclinesWithAReasonAndLeavesTheCase() {
		involve(agent, Map.of("partnerBrandSlug", courier));
		post(as(consumer), complaintId, "My door code is 4711", "PRIVATE");

		for (Caller caller : List.of(Caller.CONSUMER, Caller.AGENT, Caller.OTHER_BRANDS_AGENT, Caller.MODERATOR)) {
			decline(tester(caller), "Not ours").errors()
					.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		}
		decline(as(courierAgent), " ").path("declinePartnerInvolvement.userErrors[0].field").entity(String.class)
				.isEqualTo("reason");
		decline(as(courierAgent), "We never carried this parcel")
				.path("declinePartnerInvolvement.userErrors").entityList(Object.class).hasSize(0)
				.path("declinePartnerInvolvement.complaint.partners").entityList(Object.class).hasSize(0);

		view(consumer).path("complaint.partners[0].status").entity(String.class).isEqualTo("DECLINED")
				.path("complaint.partners[0].declineReason").entity(String.class)
				.isEqualTo("We never carried this parcel");
		view(anonymous()).path("complaint.partners").entityList(Object.class).hasSize(0);
		view(courierAgent).path("complaint.orderReference").valueIsNull();
		assertThat(bodies(courierAgent)).doesNotContain("My door code is 4711");
		post(as(courierAgent), complaintId, "One more thing", "PUBLIC").errors()
				.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();

		// Brought in again, the partner is back, from the new joining.
		involve(agent, Map.of("partnerBrandSlug", courier)).path("involvePartner.userErrors").entityList(Object.class)
				.hasSize(0);
		assertThat(bodies(courierAgent)).contains("My door code is 4711");
	}

	@Test
	void theCaseKeepsCountingForTheBrandTheConsumerFiledAgainst() {
		involve(agent, Map.of("partnerBrandSlug", courier));
		post(as(courierAgent), complaintId, "Looking into it", "PUBLIC");

		Long counted = db.sql("SELECT brand_id FROM complaint_outcomes WHERE complaint_id = :id")
				.bind("id", io.redress.shared.GlobalId.decode(complaintId, "Complaint").orElseThrow())
				.map(row -> row.get("brand_id", Long.class)).one().block();
		Long filedAgainst = io.redress.shared.GlobalId.decode(
				as(consumer).document("query($id: ID!) { complaint(id: $id) { brand { id } } }").variable("id", complaintId)
						.execute().path("complaint.brand.id").entity(String.class).get(), "Brand").orElseThrow();
		assertThat(counted).isEqualTo(filedAgainst);
		eventually(() -> anonymous().document("query($slug: String!) { brand(slug: $slug) { score { complaintCount } } }")
				.variable("slug", brand).execute().path("brand.score.complaintCount").entity(Integer.class).get(),
				count -> count == 1);
		anonymous().document("query($slug: String!) { brand(slug: $slug) { score { complaintCount } } }")
				.variable("slug", courier).execute().path("brand.score.complaintCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void aPartnersFlagIsAskedByTheBrandsSideOfTheCase() {
		involve(agent, Map.of("partnerBrandSlug", courier));

		as(courierAgent).documentName("moderation").operationName("flagContent")
				.variable("input", Map.of("targetId", complaintId, "reason", "NOT_A_REAL_CASE")).execute()
				.path("flagContent.userErrors").entityList(Object.class).hasSize(0)
				.path("flagContent.flag.askedBy").entity(String.class).isEqualTo("BRAND");
	}

	@Test
	void partnerMembersFollowTheCaseOnTheirBrandEventsButNotWhatIsKeptFromThem() {
		String fromStart = EventCursor.START.encoded();
		Flux<String> courierSees = subscribe(issuer().token(courierAgent), BRAND_EVENTS,
				Map.of("id", courierId, "after", fromStart), "brandEvents")
				.filter(event -> complaintId.equals(event.get("complaintId")))
				.map(event -> event.get("type") + ": " + (event.get("message") instanceof Map<?, ?> message
						? message.get("body") : ""));
		Flux<Object> consumerSees = subscribe(issuer().token(consumer),
				"subscription($after: String) { viewerEvents(after: $after) { type complaintId } }",
				Map.of("after", fromStart), "viewerEvents")
				.filter(event -> complaintId.equals(event.get("complaintId"))).map(event -> event.get("type"));

		StepVerifier.create(courierSees.takeUntil(seen -> seen.endsWith("Any news?")).collectList())
				.then(() -> {
					involve(agent, Map.of("partnerBrandSlug", courier));
					postKept(consumer, "PRIVATE");
					post(as(consumer), complaintId, "Any news?", "PRIVATE");
				})
				.assertNext(seen -> assertThat(seen).contains("PARTNER_INVOLVED: ")
						.noneMatch(event -> event.contains("Keep this from the courier"))
						.last().isEqualTo("MESSAGE_POSTED: Any news?"))
				.verifyComplete();
		StepVerifier.create(consumerSees.takeUntil("PARTNER_INVOLVED"::equals).last())
				.expectNext("PARTNER_INVOLVED").verifyComplete();
	}

	@Test
	void aPartnersFollowingOfTheCaseEndsWithItsDecline() {
		involve(agent, Map.of("partnerBrandSlug", courier));

		StepVerifier.create(subscribe(issuer().token(courierAgent),
				"subscription($id: ID!, $after: String) { complaintEvents(complaintId: $id, after: $after) { type } }",
				Map.of("id", complaintId, "after", EventCursor.START.encoded()), "complaintEvents")
				.map(event -> event.get("type")))
				.expectNext("COMPLAINT_FILED", "PARTNER_INVOLVED")
				.then(() -> {
					decline(as(courierAgent), "Not our parcel");
					post(as(consumer), complaintId, "Still nothing", "PRIVATE");
				})
				.expectNext("PARTNER_DECLINED").verifyComplete();
	}

	private GraphQlTester.Response involve(String caller, Map<String, Object> more) {
		return involve(as(caller), more);
	}

	private GraphQlTester.Response involve(GraphQlTester caller, Map<String, Object> more) {
		Map<String, Object> input = new HashMap<>(more);
		input.put("complaintId", complaintId);
		return caller.documentName("partners").operationName("involvePartner").variable("input", input).execute();
	}

	private String involveError(Map<String, Object> more) {
		return involve(agent, more).path("involvePartner.userErrors[0].code").entity(String.class).get();
	}

	private GraphQlTester.Response decline(GraphQlTester caller, String reason) {
		return caller.documentName("partners").operationName("declinePartnerInvolvement")
				.variable("input", Map.of("complaintId", complaintId, "reason", reason)).execute();
	}

	private GraphQlTester.Response keep(GraphQlTester caller, String messageId, boolean kept) {
		return caller.documentName("partners").operationName("keepMessageFromPartners")
				.variable("input", Map.of("messageId", messageId, "kept", kept)).execute();
	}

	private GraphQlTester.Response postKept(String author, String visibility) {
		return as(author).documentName("postMessage").variable("input", Map.of("complaintId", complaintId,
				"body", "Keep this from the courier", "visibility", visibility, "keepFromPartners", true)).execute();
	}

	private GraphQlTester.Response view(String viewer) {
		return view(as(viewer));
	}

	private GraphQlTester.Response view(GraphQlTester viewer) {
		return viewer.documentName("partners").operationName("partnerView").variable("id", complaintId).execute();
	}

	private GraphQlTester.Response node(String viewer, String id) {
		return as(viewer).document("query($id: ID!) { node(id: $id) { id } }").variable("id", id).execute();
	}

	private List<String> bodies(String viewer) {
		return view(viewer).path("complaint.messages.nodes[*].body").entityList(String.class).get();
	}

	private static String messageId(GraphQlTester.Response posted) {
		return posted.path("postMessage.message.id").entity(String.class).get();
	}

	private GraphQlTester tester(Caller caller) {
		return switch (caller) {
			case ANONYMOUS -> anonymous();
			case CONSUMER -> as(consumer);
			case AGENT -> as(agent);
			case MANAGER -> as(manager);
			case INTEGRATION -> as(integration);
			case PARTNER_MEMBER -> {
				// A member of a partner in the case, for the rules about what partners may not do.
				involve(agent, Map.of("partnerBrandSlug", courier));
				yield as(courierAgent);
			}
			case OTHER_BRANDS_AGENT -> as(otherAgent);
			case MODERATOR -> as("mod");
		};
	}
}
