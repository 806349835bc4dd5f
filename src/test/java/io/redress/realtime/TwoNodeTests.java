package io.redress.realtime;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.RedressApplication;
import io.redress.testing.CommandLine;
import io.redress.testing.TestDatabase;
import io.redress.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/** Two server nodes on one database: an event committed through one reaches a subscriber on the other. */
class TwoNodeTests extends ApiTest {

	@Test
	void eventCommittedOnOneNodeReachesSubscriberOnTheOther() {
		String brand = unique("nodes");
		String owner = unique("owner");
		String consumer = unique("consumer");
		registerBrand(owner, brand);
		String complaintId = fileComplaint(consumer, brand, "Two nodes", "One database");

		try (ConfigurableApplicationContext secondNode = startSecondNode()) {
			String port = secondNode.getEnvironment().getProperty("local.server.port");
			String token = issuer().token(consumer);
			WebSocketGraphQlClient client = WebSocketGraphQlClient
					.builder(URI.create("ws://localhost:" + port + "/graphql"), new ReactorNettyWebSocketClient())
					.interceptor(new WebSocketGraphQlClientInterceptor() {
						@Override
						public Mono<Object> connectionInitPayload() {
							return Mono.just(Map.of("Authorization", "Bearer " + token));
						}
					})
					.build();

			StepVerifier.create(client.document("""
					subscription($id: ID!, $after: String) {
					  complaintEvents(complaintId: $id, after: $after) { type message { body } }
					}""")
					.variable("id", complaintId).variable("after", EventCursor.START.encoded())
					.retrieveSubscription("complaintEvents").toEntity(Map.class)
					.skip(1).take(1).timeout(Duration.ofSeconds(20)))
					.then(() -> as(owner).documentName("postMessage")
							.variable("input", Map.of("complaintId", complaintId, "body", "Posted on node one",
									"visibility", "PUBLIC"))
							.execute())
					.expectNextMatches(event -> "MESSAGE_POSTED".equals(event.get("type"))
							&& "Posted on node one".equals(((Map<?, ?>) event.get("message")).get("body")))
					.verifyComplete();
		}
	}

	private ConfigurableApplicationContext startSecondNode() {
		TestDatabase database = TestDatabase.shared();
		Map<String, String> settings = new HashMap<>(Map.of("server.port", "0",
				"spring.r2dbc.url", database.r2dbcUrl(),
				"spring.r2dbc.username", database.username(),
				"spring.r2dbc.password", database.password(),
				"spring.flyway.url", database.jdbcUrl(),
				"spring.flyway.user", database.username(),
				"spring.flyway.password", database.password(),
				"spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer().issuerUri(),
				"spring.security.oauth2.resourceserver.jwt.audiences", TestIssuer.AUDIENCE,
				"redress.realtime.poll-interval", "1h"));
		// As on the first node: the signals would hold other tests' complaints, whose accounts are all new.
		settings.put("redress.signals.enabled", "false");
		return new SpringApplicationBuilder(RedressApplication.class).run(CommandLine.arguments(settings));
	}
}
