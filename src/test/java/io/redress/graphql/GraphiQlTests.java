package io.redress.graphql;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.redress.ApiTest;
import io.redress.realtime.EventCursor;
import io.redress.testing.BrowserScripts;
import io.redress.testing.DemoSignIn;
import io.redress.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL as the dev server serves it: a page that needs nothing but this server (it works without internet), the
 * README's example operations as its tabs, and "Sign in as" a demo user.
 */
@TestPropertySource(properties = { "spring.graphql.graphiql.enabled=true", "redress.graphql.websocket-allowed-origins=*",
		"redress.dev.graphiql-sign-in=" + DemoSignIn.PATH })
@Import(GraphiQlTests.DevServerSignIn.class)
class GraphiQlTests extends ApiTest {

	private static final Logger log = LoggerFactory.getLogger(GraphiQlTests.class);

	private static final Pattern REFERENCE = Pattern.compile("\\b(?:src|href)=\"([^\"]*)\"");

	@Test
	void pageLoadsEveryFileFromThisServer() {
		EntityExchangeResult<byte[]> page = get("/graphiql").expectStatus().isOk()
				.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML).expectBody().returnResult();
		String html = text(page);
		List<String> references = REFERENCE.matcher(html).results().map(reference -> reference.group(1))
				.filter(reference -> !reference.startsWith("data:")).toList();

		assertThat(references).as("the page's scripts and styles").hasSizeGreaterThanOrEqualTo(4)
				.noneMatch(reference -> reference.matches("(?i)^([a-z]+:)?//.*"))
				.contains("/graphiql/vendor/graphiql.min.js", "/graphiql/vendor/react.production.min.js");
		for (String reference : references) {
			String body = text(get(reference).expectStatus().isOk()
					.expectHeader().contentTypeCompatibleWith(reference.endsWith(".css") ? "text/css" : "text/javascript")
					.expectBody().returnResult());
			assertThat(body).as(reference).isNotBlank();
		}
	}

	@Test
	void pageAllowsScriptsFromThisServerOnly() {
		HttpHeaders headers = get("/graphiql").expectStatus().isOk().returnResult(byte[].class).getResponseHeaders();

		assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'none'")
				.contains("script-src 'self';").contains("connect-src 'self';").contains("frame-ancestors 'none'")
				.doesNotContain("unsafe-eval");
	}

	@Test
	void springsCdnPageIsNeverServed() {
		for (String path : List.of("/graphiql", "/graphiql?path=/graphql")) {
			String html = text(get(path).expectStatus().isOk().expectBody().returnResult());

			assertThat(html).as(path).contains("/graphiql/page.js").doesNotContain("esm.sh").doesNotContain("unpkg")
					.doesNotContain("jsdelivr");
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void setupHoldsTheReadmesOperationsInOrderAndTheEndpoints() throws IOException {
		Map<String, Object> setup = get("/graphiql/setup.json").expectStatus().isOk()
				.expectBody(Map.class).returnResult().getResponseBody();
		List<Map<String, String>> expected = DocumentedOperations.in(readme()).stream().map(operation -> {
			Map<String, String> example = new HashMap<>();
			example.put("name", operation.name());
			example.put("query", operation.document());
			example.put("variables", operation.variables());
			return example;
		}).toList();

		assertThat(expected).as("operations in the README").isNotEmpty();
		assertThat((List<Map<String, String>>) setup.get("examples")).isEqualTo(expected);
		assertThat(setup).containsEntry("endpoint", "/graphql").containsEntry("subscriptions", "/graphql")
				.containsEntry("signIn", DemoSignIn.PATH);
	}

	@Test
	void unchangedFilesAnswer304() {
		for (String path : List.of("/graphiql", "/graphiql/setup.json", "/graphiql/page.js",
				"/graphiql/vendor/graphiql.min.js")) {
			String etag = get(path).expectStatus().isOk().returnResult(byte[].class).getResponseHeaders().getETag();

			assertThat(etag).as(path).startsWith("\"");
			http().get().uri(path).header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
					.expectStatus().isNotModified().expectBody().isEmpty();
		}
	}

	@Test
	void demoSignInHandsOutTokensForDemoUsersOnly() {
		get(DemoSignIn.PATH).expectStatus().isOk().expectBody()
				.jsonPath("$.users").value(List.class, users -> assertThat(users).contains("alice", "acme-agent", "mod"));
		String token = http().post().uri(DemoSignIn.PATH).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("user", "alice")).exchange().expectStatus().isOk()
				.expectBody(Map.class).returnResult().getResponseBody().get("access_token").toString();

		withToken(token).document("{ viewer { subject } }").execute()
				.path("viewer.subject").entity(String.class).isEqualTo("alice");
		http().post().uri(DemoSignIn.PATH).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("user", "mallory")).exchange().expectStatus().isBadRequest();
	}

	@Test
	void rendersWithoutInternetInChromiumAndRunsAsTheSignedInUser() throws Exception {
		BrowserScripts.assumeBrowser();
		String owner = unique("owner");
		String brand = unique("graphiql");
		registerBrand(owner, brand);
		String title = "Seen in GraphiQL " + unique("complaint");
		fileComplaint("alice", brand, title, "Filed for the GraphiQL browser test");

		BrowserScripts.Run run = BrowserScripts.run("graphiql.mjs", Map.of(
				"GRAPHIQL_URL", "http://localhost:" + port + "/graphiql",
				"START_CURSOR", EventCursor.START.encoded(),
				"COMPLAINT_TITLE", title));

		assertThat(run.exitCode()).as("graphiql.mjs exits 0; its output:%n%s", run.output()).isZero();
		log.info("graphiql.mjs:\n{}", run.output());
	}

	private static String readme() throws IOException {
		return Files.readString(Path.of(System.getProperty("basedir", "."), "README.md"));
	}

	/** GraphiQL's bundle is larger than a client buffers by default. */
	private WebTestClient.ResponseSpec get(String path) {
		return http().mutate().codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(8 * 1024 * 1024)).build()
				.get().uri(path).exchange();
	}

	private static String text(EntityExchangeResult<byte[]> result) {
		return result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
	}

	/** What {@code RedressDevApplication} adds for GraphiQL's "Sign in as". */
	@TestConfiguration(proxyBeanMethods = false)
	static class DevServerSignIn {

		@Bean
		RouterFunction<ServerResponse> demoSignIn() {
			return new DemoSignIn(TestEnvironment.issuer()).routes();
		}
	}
}
