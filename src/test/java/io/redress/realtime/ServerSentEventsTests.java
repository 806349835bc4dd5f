package io.redress.realtime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;

/** Subscriptions over Server-Sent Events: POST /graphql with Accept: text/event-stream and a bearer token. */
class ServerSentEventsTests extends ApiTest {

	@Test
	void consumerFollowsTheirComplaintOverServerSentEvents() {
		String brand = unique("sse");
		String owner = unique("owner");
		String consumer = unique("consumer");
		registerBrand(owner, brand);
		String complaintId = fileComplaint(consumer, brand, "Over SSE", "Event stream");
		as(owner).documentName("postMessage")
				.variable("input", Map.of("complaintId", complaintId, "body", "Private hello", "visibility", "PRIVATE"))
				.execute();

		String query = """
				subscription($id: ID!, $after: String) {
				  complaintEvents(complaintId: $id, after: $after) { type message { body } }
				}""";
		var events = http().post().uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.headers(headers -> headers.setBearerAuth(issuer().token(consumer)))
				.bodyValue(Map.of("query", query,
						"variables", Map.of("id", complaintId, "after", EventCursor.START.encoded())))
				.exchange()
				.expectStatus().isOk()
				.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
				.getResponseBody()
				.filter(event -> "next".equals(event.event()));

		StepVerifier.create(events.skip(1).take(1).timeout(Duration.ofSeconds(15)))
				.expectNextMatches(event -> event.data() != null && event.data().contains("MESSAGE_POSTED")
						&& event.data().contains("Private hello"))
				.verifyComplete();
	}

	@Test
	void streamEndsWhenItsTokenExpiresAsOverWebSocket() {
		String consumer = unique("consumer");
		String shortLived = issuer().token(consumer, List.of(), Instant.now().plusSeconds(5), TestIssuer.AUDIENCE);

		var events = http().post().uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.accept(MediaType.TEXT_EVENT_STREAM)
				.headers(headers -> headers.setBearerAuth(shortLived))
				.bodyValue(Map.of("query", "subscription { viewerEvents { cursor type } }"))
				.exchange()
				.expectStatus().isOk()
				.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
				.getResponseBody();

		StepVerifier.create(events.filter(event -> !"complete".equals(event.event())).timeout(Duration.ofSeconds(15)))
				.expectNextMatches(event -> event.data() != null && event.data().contains("UNAUTHORIZED")
						&& event.data().contains("expired"))
				.thenCancel()
				.verify();
	}
}
