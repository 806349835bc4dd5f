package io.redress.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.redress.RedressApplication;
import io.redress.realtime.EventCursor;
import io.redress.testing.CommandLine;
import io.redress.testing.TestDatabase;
import io.redress.testing.TestEnvironment;
import io.redress.testing.TestIssuer;
import io.redress.webhook.WebhookReceiver.Received;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Deliveries are stored, so a node that stops and another that starts lose nothing and send nothing twice; and of two
 * nodes running at once, each delivery is sent by one. The nodes run on a database of their own, so no other test
 * context's sender takes part.
 */
class WebhookRestartTests {

	private static final TestDatabase DATABASE = TestDatabase.shared()
			.withFreshDatabase("redress_webhooks_" + ProcessHandle.current().pid());

	@Test
	void nothingIsLostOrSentTwiceAcrossARestartAndTwoNodesShareTheWork() {
		try (WebhookReceiver receiver = new WebhookReceiver()) {
			String owner = "owner-" + System.nanoTime();
			String slug = "restart-" + System.nanoTime();
			List<String> filed = new ArrayList<>();
			try (ConfigurableApplicationContext first = node()) {
				String brandId = as(first, owner).documentName("registerBrand")
						.variable("input", Map.of("name", slug, "website", slug + ".example", "slug", slug)).execute()
						.path("registerBrand.brand.id").entity(String.class).get();
				as(first, owner).documentName("webhooks").operationName("createWebhook")
						.variable("input", Map.of("brandId", brandId, "url", receiver.url(),
								"eventTypes", List.of("COMPLAINT_FILED")))
						.execute().path("createWebhook.userErrors").entityList(Object.class).hasSize(0);
				for (int i = 0; i < 5; i++) {
					filed.add(file(first, slug, i));
				}
				await().atMost(Duration.ofSeconds(30)).until(receiver::received, got -> got.size() >= 2);
				// Stopped while deliveries are planned and under way: it finishes and records what it is sending.
			}
			try (ConfigurableApplicationContext second = node(); ConfigurableApplicationContext third = node()) {
				for (int i = 5; i < 25; i++) {
					filed.add(file(i % 2 == 0 ? second : third, slug, i));
				}
				await().atMost(Duration.ofSeconds(30)).until(receiver::received, got -> got.size() >= filed.size());
				// A while longer, for anything sent twice to show.
				await().pollDelay(Duration.ofSeconds(2)).until(() -> true);
				List<Received> received = receiver.received();

				List<String> ids = received.stream().map(Received::id).toList();
				assertThat(ids).as("each event once").doesNotHaveDuplicates().hasSize(filed.size());
				assertThat(ids.stream().map(id -> EventCursor.decode(id).orElseThrow().position()).toList())
						.as("in cursor order").isSorted();
				assertThat(received).extracting(Received::answered).containsOnly(200);
			}
		}
	}

	private static String file(ConfigurableApplicationContext node, String slug, int n) {
		return as(node, "consumer-" + n + "-" + System.nanoTime()).documentName("fileComplaint")
				.variable("input", Map.of("brandSlug", slug, "title", "Complaint " + n, "description", "Filed",
						"category", "DELIVERY"))
				.execute().path("fileComplaint.complaint.id").entity(String.class).get();
	}

	private static HttpGraphQlTester as(ConfigurableApplicationContext node, String subject) {
		String port = node.getEnvironment().getProperty("local.server.port");
		WebTestClient client = WebTestClient.bindToServer().baseUrl("http://localhost:" + port + "/graphql")
				.responseTimeout(Duration.ofSeconds(30))
				.defaultHeaders(headers -> headers.setBearerAuth(TestEnvironment.issuer().token(subject))).build();
		return HttpGraphQlTester.create(client);
	}

	private static ConfigurableApplicationContext node() {
		Map<String, String> settings = new HashMap<>(Map.of("server.port", "0",
				"spring.r2dbc.url", DATABASE.r2dbcUrl(),
				"spring.r2dbc.username", DATABASE.username(),
				"spring.r2dbc.password", DATABASE.password(),
				"spring.flyway.url", DATABASE.jdbcUrl(),
				"spring.flyway.user", DATABASE.username(),
				"spring.flyway.password", DATABASE.password(),
				"spring.security.oauth2.resourceserver.jwt.issuer-uri", TestEnvironment.issuer().issuerUri(),
				"spring.security.oauth2.resourceserver.jwt.audiences", TestIssuer.AUDIENCE));
		settings.put("redress.signals.enabled", "false");
		settings.put("redress.limits.content-per-hour", "1000");
		settings.put("redress.webhooks.allowed-private-networks", "127.0.0.0/8");
		settings.put("redress.webhooks.retry-delays", "200ms,400ms,800ms");
		settings.put("redress.webhooks.timeout", "2s");
		settings.put("redress.webhooks.poll-interval", "100ms");
		return new SpringApplicationBuilder(RedressApplication.class).run(CommandLine.arguments(settings));
	}
}
