package io.redress.webhook;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.realtime.EventCursor;
import io.redress.shared.GlobalId;
import io.redress.webhook.WebhookReceiver.Answer;
import io.redress.webhook.WebhookReceiver.Received;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A brand's help desk integrates by webhook: a real HTTP receiver in the test gets the brand's events as signed POSTs
 * and checks every signature with its own implementation of Standard Webhooks; failures are retried, in order, and
 * managers read what happened to each delivery. (The test contexts retry after 200, 400 and 800 ms and give an
 * answer 1 s: see {@code out-of-reach-limits.properties}.)
 */
class WebhookTests extends ApiTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aManagersEndpointReceivesTheBrandsEventsSignedInCursorOrder() {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			Brand brand = brand();
			Map<String, Object> created = create(brand, receiver.url(), List.of("COMPLAINT_FILED", "MESSAGE_POSTED"));
			String secret = (String) created.get("secret");
			assertThat(secret).startsWith("whsec_");

			String complaint = fileComplaint(unique("alice"), brand.slug(), "Parcel lost", "Never came");
			as(brand.owner()).documentName("postMessage").variable("input", Map.of("complaintId", complaint,
					"body", "Sorry, which address?", "visibility", "PRIVATE")).execute();

			List<Received> received = eventually(receiver::received, got -> got.size() >= 2);
			StandardWebhooksVerifier verifier = new StandardWebhooksVerifier(secret);
			assertThat(received).allSatisfy(request -> {
				assertThat(request.method()).isEqualTo("POST");
				assertThat(request.path()).isEqualTo("/hooks/redress");
				assertThat(request.contentType()).startsWith("application/json");
				assertThat(verifier.verifies(request.headers(), request.body())).as("signature of %s", request).isTrue();
				assertThat(json(request).at("/data/cursor").asString()).as("webhook-id is the event cursor")
						.isEqualTo(request.id());
				assertThat(json(request).at("/data/complaintId").asString()).isEqualTo(complaint);
				assertThat(json(request).at("/data/brandId").asString()).isEqualTo(brand.id());
			});
			assertThat(received).extracting(request -> json(request).get("type").asString())
					.containsExactly("COMPLAINT_FILED", "MESSAGE_POSTED");
			assertThat(position(received.get(0).id())).isLessThan(position(received.get(1).id()));
			assertThat(received.get(1).body()).as("ids only, never a private message's text")
					.doesNotContain("which address");

			Map<String, Object> webhook = eventually(() -> webhooks(brand.owner(), brand.slug()).get(0),
					seen -> deliveries(seen).stream().allMatch(d -> "DELIVERED".equals(d.get("status"))));
			assertThat(webhook).containsEntry("url", receiver.url()).containsEntry("status", "ACTIVE");
			assertThat(deliveries(webhook)).hasSize(2).allSatisfy(delivery -> assertThat(delivery)
					.containsEntry("attempt", 1).containsEntry("responseCode", 200).containsEntry("error", null));
			assertThat(deliveries(webhook).get(0).get("eventType")).as("newest first").isEqualTo("MESSAGE_POSTED");
		}
	}

	@Test
	void aDeliveryIsRetriedAfterAServerErrorAndATimeoutAndLaterEventsWaitForIt() {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			receiver.thenAnswer(Answer.status(500), Answer.noAnswerFor(Duration.ofMillis(1500)));
			Brand brand = brand();
			create(brand, receiver.url(), List.of("COMPLAINT_FILED"));

			String first = fileComplaint(unique("alice"), brand.slug(), "First", "One");
			String second = fileComplaint(unique("bob"), brand.slug(), "Second", "Two");

			List<Received> received = eventually(receiver::received,
					got -> got.stream().filter(request -> request.answered() == 200).count() >= 3);
			assertThat(received).extracting(request -> json(request).at("/data/complaintId").asString())
					.as("the first event three times, then the second: never out of order")
					.startsWith(first, first, first, second);
			assertThat(received.get(0).id()).isEqualTo(received.get(1).id()).isEqualTo(received.get(2).id());

			Map<String, Object> delivery = eventually(() -> deliveries(webhooks(brand.owner(), brand.slug()).get(0)),
					all -> all.size() == 2 && all.stream().allMatch(d -> "DELIVERED".equals(d.get("status")))).get(1);
			assertThat(delivery).containsEntry("attempt", 3).containsEntry("responseCode", 200);
		}
	}

	@Test
	void aDeliveryFailingEveryRetryIsGivenUpAndTheEndpointGoesOnWithTheNext() {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			receiver.thenAnswer(Answer.status(500), Answer.status(503), Answer.status(500), Answer.status(502));
			Brand brand = brand();
			create(brand, receiver.url(), List.of("COMPLAINT_FILED"));

			fileComplaint(unique("alice"), brand.slug(), "First", "One");
			fileComplaint(unique("bob"), brand.slug(), "Second", "Two");

			List<Map<String, Object>> deliveries = eventually(
					() -> deliveries(webhooks(brand.owner(), brand.slug()).get(0)),
					all -> all.size() == 2 && "DELIVERED".equals(all.get(0).get("status")));
			assertThat(deliveries.get(1)).as("the first: one attempt and three retries")
					.containsEntry("status", "FAILED").containsEntry("attempt", 4).containsEntry("responseCode", 502)
					.containsEntry("error", "HTTP 502");
			assertThat(webhooks(brand.owner(), brand.slug()).get(0)).as("healthy again after a success")
					.containsEntry("failingSince", null).containsEntry("status", "ACTIVE");
		}
	}

	@Test
	void anEndpointFailingForFiveDaysIsDisabledAndItsManagersAreTold() {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			receiver.always(Answer.status(500));
			Brand brand = brand();
			as(brand.owner()).document("{ viewer { id } }").execute().path("viewer.id").hasValue();
			String webhookId = (String) ((Map<?, ?>) create(brand, receiver.url(), List.of("COMPLAINT_FILED"))
					.get("webhook")).get("id");
			long id = GlobalId.decode(webhookId, "Webhook").orElseThrow();
			db.sql("UPDATE webhooks SET failing_since = now() - interval '5 days 1 minute' WHERE id = :id")
					.bind("id", id).then().block();

			fileComplaint(unique("alice"), brand.slug(), "Anyone there?", "Hello");

			Map<String, Object> disabled = eventually(() -> webhooks(brand.owner(), brand.slug()).get(0),
					seen -> "DISABLED".equals(seen.get("status")));
			assertThat(disabled.get("disabledAt")).isNotNull();
			Map<String, Object> notice = subscribe(issuer().token(brand.owner()), """
					subscription Notices($after: String) { viewerEvents(after: $after) { type complaintId complaint { id } } }""",
					Map.of("after", EventCursor.START.encoded()), "viewerEvents")
					.filter(event -> "WEBHOOK_DISABLED".equals(event.get("type"))).blockFirst();
			assertThat(notice).as("the owner is told on viewerEvents").isNotNull()
					.containsEntry("complaintId", null).containsEntry("complaint", null);

			int attempts = receiver.received().size();
			fileComplaint(unique("bob"), brand.slug(), "Still nobody?", "Hello again");
			pause(Duration.ofSeconds(1));
			assertThat(receiver.received()).as("nothing more is sent to a disabled endpoint").hasSize(attempts);

			receiver.always(Answer.status(204));
			as(brand.owner()).documentName("webhooks").operationName("updateWebhook")
					.variable("input", Map.of("webhookId", webhookId, "enabled", true)).execute()
					.path("updateWebhook.webhook.status").entity(String.class).isEqualTo("ACTIVE")
					.path("updateWebhook.webhook.failingSince").valueIsNull();
			eventually(() -> deliveries(webhooks(brand.owner(), brand.slug()).get(0)),
					all -> "DELIVERED".equals(all.get(0).get("status")));
		}
	}

	@Test
	void afterARotationDeliveriesCarryTheNewAndTheOldSignatureForADay() {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			Brand brand = brand();
			Map<String, Object> created = create(brand, receiver.url(), List.of("COMPLAINT_FILED"));
			String oldSecret = (String) created.get("secret");
			String webhookId = (String) ((Map<?, ?>) created.get("webhook")).get("id");

			GraphQlTester.Response rotated = as(brand.owner()).documentName("webhooks")
					.operationName("rotateWebhookSecret").variable("input", Map.of("webhookId", webhookId)).execute();
			String newSecret = rotated.path("rotateWebhookSecret.secret").entity(String.class).get();
			OffsetDateTime until = rotated.path("rotateWebhookSecret.webhook.previousSecretExpiresAt")
					.entity(OffsetDateTime.class).get();
			assertThat(newSecret).startsWith("whsec_").isNotEqualTo(oldSecret);
			assertThat(until).isBetween(OffsetDateTime.now().plusHours(23), OffsetDateTime.now().plusHours(25));

			fileComplaint(unique("alice"), brand.slug(), "Rotated", "Keys");

			Received request = eventually(receiver::received, got -> !got.isEmpty()).get(0);
			assertThat(request.signature().split(" ")).hasSize(2);
			assertThat(new StandardWebhooksVerifier(newSecret).verifies(request.headers(), request.body())).isTrue();
			assertThat(new StandardWebhooksVerifier(oldSecret).verifies(request.headers(), request.body())).isTrue();
		}
	}

	@Test
	void aRedeliverySendsTheSameEventAgainWithTheSameWebhookId() {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			Brand brand = brand();
			create(brand, receiver.url(), List.of("COMPLAINT_FILED"));
			fileComplaint(unique("alice"), brand.slug(), "Again", "Please");
			Map<String, Object> delivery = eventually(() -> deliveries(webhooks(brand.owner(), brand.slug()).get(0)),
					all -> !all.isEmpty() && "DELIVERED".equals(all.get(0).get("status"))).get(0);

			as(brand.owner()).documentName("webhooks").operationName("redeliverWebhookEvent")
					.variable("input", Map.of("deliveryId", delivery.get("id"))).execute()
					.path("redeliverWebhookEvent.userErrors").entityList(Object.class).hasSize(0)
					.path("redeliverWebhookEvent.delivery.eventId").entity(String.class).isEqualTo((String) delivery.get("eventId"));

			List<Received> received = eventually(receiver::received, got -> got.size() == 2);
			assertThat(received.get(1).id()).isEqualTo(received.get(0).id());
			assertThat(received.get(1).body()).isEqualTo(received.get(0).body());
		}
	}

	@Test
	void aUrlThatIsNotHttpsOrNotPublicAndAPersonalNoticeAreUserErrors() {
		Brand brand = brand();

		assertThat(errorsOf(brand, "http://8.8.8.8/hooks", List.of("COMPLAINT_FILED"))).containsExactly("url:NOT_HTTPS");
		assertThat(errorsOf(brand, "https://10.0.0.7/hooks", List.of("COMPLAINT_FILED"))).containsExactly("url:PRIVATE_ADDRESS");
		assertThat(errorsOf(brand, "https://169.254.169.254/latest/meta-data", List.of("COMPLAINT_FILED")))
				.as("a cloud's metadata service").containsExactly("url:PRIVATE_ADDRESS");
		assertThat(errorsOf(brand, "https://[::1]:8443/hooks", List.of("COMPLAINT_FILED"))).containsExactly("url:PRIVATE_ADDRESS");
		assertThat(errorsOf(brand, "https://user:pw@8.8.8.8/hooks", List.of("COMPLAINT_FILED"))).containsExactly("url:INVALID_URL");
		assertThat(errorsOf(brand, "ftp://8.8.8.8/hooks", List.of("COMPLAINT_FILED"))).containsExactly("url:INVALID_URL");
		assertThat(errorsOf(brand, "hooks", List.of("COMPLAINT_FILED"))).containsExactly("url:INVALID_URL");
		assertThat(errorsOf(brand, "", List.of())).containsExactly("url:BLANK", "eventTypes:BLANK");
		assertThat(errorsOf(brand, "https://8.8.8.8/hooks", List.of("COMPLAINT_FILED", "FLAG_RULED")))
				.containsExactly("eventTypes:UNSUPPORTED_EVENT_TYPE");
		assertThat(webhooks(brand.owner(), brand.slug())).as("nothing was created").isEmpty();

		as(brand.owner()).documentName("webhooks").operationName("createWebhook")
				.variable("input", Map.of("brandId", brand.id(), "url", "https://8.8.8.8/hooks",
						"eventTypes", List.of("COMPLAINT_FILD")))
				.execute().errors().expect(error -> "BAD_REQUEST".equals(error.getExtensions().get("classification"))
						&& error.getMessage().contains("COMPLAINT_FILD"));
	}

	@Test
	void onlyTheBrandsOwnersAndManagersSeeAndManageItsWebhooks() {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			Brand brand = brand();
			String agent = unique("agent");
			addMember(brand.owner(), brand.id(), agent, "AGENT");
			String webhookId = (String) ((Map<?, ?>) create(brand, receiver.url(), List.of("COMPLAINT_FILED"))
					.get("webhook")).get("id");

			as(agent).documentName("webhooks").operationName("createWebhook")
					.variable("input", Map.of("brandId", brand.id(), "url", receiver.url(), "eventTypes",
							List.of("COMPLAINT_FILED")))
					.execute().errors().expect(error -> "FORBIDDEN".equals(error.getExtensions().get("classification")));
			assertThat(webhooks(agent, brand.slug())).as("an agent sees none").isEmpty();
			assertThat(webhooks(unique("stranger"), brand.slug())).isEmpty();
			anonymous().documentName("webhooks").operationName("brandWebhooks").variable("slug", brand.slug()).execute()
					.path("brand.webhooks").entityList(Object.class).hasSize(0);
			as(agent).documentName("webhooks").operationName("deleteWebhook")
					.variable("input", Map.of("webhookId", webhookId)).execute()
					.errors().expect(error -> "NOT_FOUND".equals(error.getExtensions().get("classification")));

			String manager = unique("manager");
			addMember(brand.owner(), brand.id(), manager, "MANAGER");
			as(manager).documentName("webhooks").operationName("updateWebhook")
					.variable("input", Map.of("webhookId", webhookId, "eventTypes", List.of("MESSAGE_POSTED",
							"COMPLAINT_RESOLVED")))
					.execute().path("updateWebhook.webhook.eventTypes").entityList(String.class)
					.containsExactly("COMPLAINT_RESOLVED", "MESSAGE_POSTED");
			as(manager).documentName("webhooks").operationName("deleteWebhook")
					.variable("input", Map.of("webhookId", webhookId)).execute()
					.path("deleteWebhook.deletedWebhookId").entity(String.class).isEqualTo(webhookId);
			assertThat(webhooks(brand.owner(), brand.slug())).isEmpty();

			fileComplaint(unique("alice"), brand.slug(), "After deletion", "Nobody listens");
			pause(Duration.ofSeconds(1));
			assertThat(receiver.received()).as("a deleted endpoint gets nothing").isEmpty();
		}
	}

	private Brand brand() {
		String owner = unique("owner");
		String slug = unique("hooked");
		return new Brand(registerBrand(owner, slug), slug, owner);
	}

	private Map<String, Object> create(Brand brand, String url, List<String> eventTypes) {
		return as(brand.owner()).documentName("webhooks").operationName("createWebhook")
				.variable("input", Map.of("brandId", brand.id(), "url", url, "eventTypes", eventTypes)).execute()
				.path("createWebhook.userErrors").entityList(Object.class).hasSize(0)
				.path("createWebhook").entity(new ParameterizedTypeReference<Map<String, Object>>() {
				}).get();
	}

	private List<String> errorsOf(Brand brand, String url, List<String> eventTypes) {
		return as(brand.owner()).documentName("webhooks").operationName("createWebhook")
				.variable("input", Map.of("brandId", brand.id(), "url", url, "eventTypes", eventTypes)).execute()
				.path("createWebhook.webhook").valueIsNull()
				.path("createWebhook.secret").valueIsNull()
				.path("createWebhook.userErrors").entityList(new ParameterizedTypeReference<Map<String, String>>() {
				}).get().stream().map(error -> error.get("field") + ":" + error.get("code")).toList();
	}

	private List<Map<String, Object>> webhooks(String viewer, String slug) {
		return as(viewer).documentName("webhooks").operationName("brandWebhooks").variable("slug", slug).execute()
				.path("brand.webhooks").entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
				}).get();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> deliveries(Map<String, Object> webhook) {
		return (List<Map<String, Object>>) ((Map<String, Object>) webhook.get("deliveries")).get("nodes");
	}

	private static JsonNode json(Received request) {
		return JSON.readTree(request.body());
	}

	private static long position(String cursor) {
		return EventCursor.decode(cursor).orElseThrow().position();
	}

	private static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	record Brand(String id, String slug, String owner) {
	}
}
