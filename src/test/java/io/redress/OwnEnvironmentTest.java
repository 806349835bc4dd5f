package io.redress;

import java.time.Duration;
import java.util.Map;

import io.redress.testing.TestDatabase;
import io.redress.testing.TestEnvironment;
import io.redress.testing.TestIssuer;
import reactor.core.publisher.Mono;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full-stack tests whose faults must not reach the other suites: each subclass runs its own server on a database
 * or issuer of its own, registered from its own {@code @DynamicPropertySource} with {@link #register}. (An
 * {@link ApiTest} subclass cannot: Spring applies the superclass's registration last, so it would win.)
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestPropertySource(locations = "classpath:out-of-reach-limits.properties")
abstract class OwnEnvironmentTest {

	@LocalServerPort
	protected int port;

	static void register(DynamicPropertyRegistry registry, TestDatabase database, TestIssuer issuer) {
		registry.add("spring.r2dbc.url", database::r2dbcUrl);
		registry.add("spring.r2dbc.username", database::username);
		registry.add("spring.r2dbc.password", database::password);
		registry.add("spring.flyway.url", database::jdbcUrl);
		registry.add("spring.flyway.user", database::username);
		registry.add("spring.flyway.password", database::password);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer::issuerUri);
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestIssuer.AUDIENCE);
		registry.add("server.shutdown", () -> TestEnvironment.IMMEDIATE_SHUTDOWN);
	}

	protected WebTestClient http() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
				.responseTimeout(Duration.ofSeconds(30)).build();
	}

	protected HttpGraphQlTester withToken(String token) {
		return HttpGraphQlTester.create(http().mutate().baseUrl("http://localhost:" + port + "/graphql")
				.defaultHeaders(headers -> headers.setBearerAuth(token)).build());
	}

	/** One GraphQL request over HTTP, whatever its status: for checking statuses and error shapes. */
	protected Mono<Outcome> graphQl(String token, String document, Map<String, Object> variables) {
		return WebClient.create("http://localhost:" + port).post().uri("/graphql")
				.headers(headers -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("query", document, "variables", variables))
				.exchangeToMono(response -> response.bodyToMono(Map.class).defaultIfEmpty(Map.of())
						.map(body -> new Outcome(response.statusCode().value(), body)));
	}

	/** A response's status and body. */
	record Outcome(int status, Map<?, ?> body) {
	}

	/** Registers a brand as {@code owner}; returns its global id. */
	protected String registerBrand(String token, String slug) {
		return withToken(token).documentName("registerBrand")
				.variable("input", Map.of("name", slug, "website", slug + ".example", "slug", slug)).execute()
				.path("registerBrand.userErrors").entityList(Object.class).hasSize(0)
				.path("registerBrand.brand.id").entity(String.class).get();
	}

	/** Files a complaint against the brand; returns its global id. */
	protected String fileComplaint(String token, String brandSlug) {
		return withToken(token).documentName("fileComplaint")
				.variable("input", Map.of("brandSlug", brandSlug, "title", "Never arrived", "description",
						"Still waiting", "category", "DELIVERY"))
				.execute()
				.path("fileComplaint.userErrors").entityList(Object.class).hasSize(0)
				.path("fileComplaint.complaint.id").entity(String.class).get();
	}

	protected static <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		T value = read.get();
		while (!done.test(value)) {
			assertThat(System.nanoTime()).as("done in time; last read: %s", value).isLessThan(deadline);
			pause(Duration.ofMillis(100));
			value = read.get();
		}
		return value;
	}

	protected static void pause(Duration duration) {
		try {
			Thread.sleep(duration.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	protected static String unique(String prefix) {
		return ApiTest.unique(prefix);
	}
}
