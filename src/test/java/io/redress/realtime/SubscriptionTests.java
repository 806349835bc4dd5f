package io.redress.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.testing.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.graphql.client.GraphQlClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscriptions over real WebSockets (graphql-ws), authenticated from the connection_init payload. */
class SubscriptionTests extends ApiTest {

	private static final String COMPLAINT_EVENTS = """
			subscription($id: ID!, $after: String) {
			  complaintEvents(complaintId: $id, after: $after) {
			    cursor type complaint { status title } message { body visibility }
			  }
			}""";

	private static final String BRAND_EVENTS = """
			subscription($id: ID!, $after: String) {
			  brandEvents(brandId: $id, after: $after) { cursor type message { body visibility } }
			}""";

	private static final String VIEWER_EVENTS = """
			subscription($after: String) {
			  viewerEvents(after: $after) { cursor type complaint { status title } message { body visibility } }
			}""";

	/** Subscribing from the start of the log replays what came before, so no test races the WebSocket handshake. */
	private static final String FROM_START = EventCursor.START.encoded();

	private String brand;
	private String brandId;
	private String consumer;
	private String agent;
	private String otherAgent;
	private String complaintId;

	@BeforeEach
	void complaintWithATeam() {
		brand = unique("live");
		consumer = unique("alice");
		agent = unique("agent");
		otherAgent = unique("rival");
		String owner = unique("owner");
		brandId = registerBrand(owner, brand);
		addMember(owner, brandId, agent, "AGENT");
		String rivalOwner = unique("rival-owner");
		addMember(rivalOwner, registerBrand(rivalOwner, unique("rivalco")), otherAgent, "AGENT");
		complaintId = fileComplaint(consumer, brand, "Call me on 555 123 4567", "It broke");
	}

	@Test
	void messageReachesTheConsumersComplaintEventsAndTheBrandsEvents() {
		post(agent, "We will replace it", "PRIVATE");
		Flux<Map<String, Object>> consumerEvents = subscribe(token(consumer), COMPLAINT_EVENTS,
				Map.of("id", complaintId, "after", FROM_START), "complaintEvents");
		Flux<Map<String, Object>> brandEvents = subscribe(token(agent), BRAND_EVENTS,
				Map.of("id", brandId, "after", FROM_START), "brandEvents");
		Flux<Map<String, Object>> viewerEvents = subscribe(token(consumer), VIEWER_EVENTS,
				Map.of("after", FROM_START), "viewerEvents");

		// The brand's first reply also wrote the complaint's FIRST_RESPONSE_RECORDED fact: no stream carries it, so
		// the filing is followed by the message itself (a leaked fact would not even serialize as a schema type).
		StepVerifier.create(Flux.merge(consumerEvents.skip(1).take(1), brandEvents.skip(1).take(1),
				viewerEvents.skip(1).take(1)))
				.expectNextMatches(event -> isPrivateMessage(event, "We will replace it"))
				.expectNextMatches(event -> isPrivateMessage(event, "We will replace it"))
				.expectNextMatches(event -> isPrivateMessage(event, "We will replace it"))
				.verifyComplete();
	}

	@Test
	void outsidersCannotFollowABrand() {
		for (String outsider : List.of(unique("bob"), otherAgent)) {
			StepVerifier.create(subscribe(token(outsider), BRAND_EVENTS, Map.of("id", brandId), "brandEvents"))
					.expectErrorMatches(error -> error.getMessage().contains("FORBIDDEN"))
					.verify(Duration.ofSeconds(10));
		}
	}

	@Test
	void anonymousSubscriberGetsOnlyPublicEventsMasked() {
		post(agent, "Private: what is your address?", "PRIVATE");
		post(agent, "Public: write to help@shop.example", "PUBLIC");
		Flux<Map<String, Object>> events = subscribe((String) null, COMPLAINT_EVENTS,
				Map.of("id", complaintId, "after", FROM_START), "complaintEvents");

		StepVerifier.create(events.skip(1).take(1))
				.assertNext(event -> {
					assertThat(event.get("type")).isEqualTo("MESSAGE_POSTED");
					assertThat(message(event).get("body")).isEqualTo("Public: write to [hidden]");
					assertThat(complaint(event).get("title")).isEqualTo("Call me on [hidden]");
				})
				.verifyComplete();
	}

	@Test
	void resumingAfterACursorReplaysWhatWasMissedThenGoesLive() {
		post(agent, "first", "PUBLIC");
		String cursor = subscribe(token(consumer), COMPLAINT_EVENTS, Map.of("id", complaintId, "after", FROM_START),
				"complaintEvents")
				.skip(1)
				.map(event -> (String) event.get("cursor"))
				.blockFirst(Duration.ofSeconds(15));
		post(agent, "second (missed)", "PUBLIC");
		post(agent, "third (missed)", "PUBLIC");

		StepVerifier.create(subscribe(token(consumer), COMPLAINT_EVENTS, Map.of("id", complaintId, "after", cursor),
				"complaintEvents").map(event -> (String) message(event).get("body")).take(3))
				.expectNext("second (missed)", "third (missed)")
				.then(() -> post(agent, "fourth (live)", "PUBLIC"))
				.expectNext("fourth (live)")
				.verifyComplete();
	}

	@Test
	void eventsArriveInLogOrder() {
		List<String> bodies = new ArrayList<>();
		for (int i = 1; i <= 15; i++) {
			bodies.add("message " + i);
			post(agent, "message " + i, i % 2 == 0 ? "PRIVATE" : "PUBLIC");
		}

		StepVerifier.create(subscribe(token(consumer), COMPLAINT_EVENTS, Map.of("id", complaintId, "after", FROM_START),
				"complaintEvents").skip(1).map(event -> (String) message(event).get("body")).take(15).collectList())
				.expectNext(bodies)
				.verifyComplete();
	}

	@Test
	void subscriptionEndsWhenTheConnectionsTokenExpires() {
		String shortLived = issuer().token(consumer, List.of(), Instant.now().plusSeconds(3), TestIssuer.AUDIENCE);

		// A live subscription may still receive the complaint's own filing if the node's tail had not passed it yet.
		StepVerifier.create(subscribe(shortLived, COMPLAINT_EVENTS, Map.of("id", complaintId), "complaintEvents"))
				.thenConsumeWhile(event -> "COMPLAINT_FILED".equals(event.get("type")))
				.expectErrorMatches(error -> error.getMessage().contains("expired"))
				.verify(Duration.ofSeconds(15));
	}

	@Test
	void oneConnectionHoldsAtMostTwentyFiveSubscriptions() {
		GraphQlClient client = webSocketClient(token(consumer));
		List<Flux<Map<String, Object>>> subscriptions = new ArrayList<>();
		for (int i = 0; i < 26; i++) {
			subscriptions.add(subscribe(client, COMPLAINT_EVENTS, Map.of("id", complaintId, "after", FROM_START),
					"complaintEvents").take(1));
		}

		StepVerifier.create(Flux.merge(subscriptions).materialize().filter(signal -> signal.isOnError()).next())
				.expectNextMatches(signal -> signal.getThrowable().getMessage().contains("At most 25"))
				.verifyComplete();
	}

	@Test
	void memberRemovedFromTheBrandStopsReceiving() {
		String owner = as(agent).document("query($slug: String!) { brand(slug: $slug) { members { subject role } } }")
				.variable("slug", brand).execute()
				.path("brand.members[?(@.role == 'OWNER')].subject").entityList(String.class).get().get(0);

		StepVerifier.create(subscribe(token(agent), BRAND_EVENTS, Map.of("id", brandId), "brandEvents"))
				.then(() -> {
					as(owner).documentName("removeBrandMember")
							.variable("input", Map.of("brandId", brandId, "subject", agent)).execute()
							.path("removeBrandMember.userErrors").entityList(Object.class).hasSize(0);
					as(consumer).documentName("postMessage").variable("input", Map.of("complaintId", complaintId,
							"body", "Private details", "visibility", "PRIVATE")).execute();
				})
				.expectErrorMatches(error -> error.getMessage().contains("FORBIDDEN"))
				.verify(Duration.ofSeconds(20));
	}

	@Test
	void malformedCursorIsABadRequest() {
		StepVerifier.create(subscribe(token(consumer), COMPLAINT_EVENTS, Map.of("id", complaintId, "after", "nope"),
				"complaintEvents"))
				.expectErrorMatches(error -> error.getMessage().contains("cursor"))
				.verify(Duration.ofSeconds(10));
	}

	private String token(String subject) {
		return issuer().token(subject);
	}

	private void post(String author, String body, String visibility) {
		as(author).documentName("postMessage")
				.variable("input", Map.of("complaintId", complaintId, "body", body, "visibility", visibility))
				.execute().path("postMessage.userErrors").entityList(Object.class).hasSize(0);
	}

	private static boolean isPrivateMessage(Map<String, Object> event, String body) {
		return "MESSAGE_POSTED".equals(event.get("type")) && body.equals(message(event).get("body"))
				&& "PRIVATE".equals(message(event).get("visibility"));
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> message(Map<String, Object> event) {
		return (Map<String, Object>) event.get("message");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> complaint(Map<String, Object> event) {
		return (Map<String, Object>) event.get("complaint");
	}

}
