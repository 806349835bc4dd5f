package io.redress;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.redress.testing.TestDatabase;
import io.redress.testing.TestIssuer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A token the server cannot check because the issuer is down is an outage, not a bad token. The issuer here is the
 * suite's own, on a fixed port, so it can go away and come back as a "restarted" issuer with a new signing key: a
 * token signed with that key sends the server for the key set, which it then cannot fetch.
 */
class IssuerOutageTests extends OwnEnvironmentTest {

	private static final TestIssuer FIRST = TestIssuer.start(0);

	private static final int PORT = URI.create(FIRST.issuerUri()).getPort();

	private static final String VIEWER = "{ viewer { id } }";

	private static TestIssuer running = FIRST;

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		register(registry, TestDatabase.shared(), FIRST);
	}

	/** The issuer is up and the server has read its discovery document and keys. */
	@BeforeEach
	void issuerUp() {
		if (running == null) {
			running = TestIssuer.start(PORT);
		}
		String token = running.token(unique("warm"));
		assertThat(graphQl(token, VIEWER, Map.of()).block(Duration.ofSeconds(15)).status()).isEqualTo(200);
	}

	@Test
	void aTokenThatCannotBeCheckedIsUnavailableWithRetryAfter() {
		String token = tokenSignedWithAKeyTheServerCannotFetch();

		http().post().uri("/graphql").headers(headers -> headers.setBearerAuth(token))
				.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", VIEWER)).exchange()
				.expectStatus().isEqualTo(503)
				.expectHeader().valueEquals("Retry-After", "5")
				.expectBody()
				.jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAVAILABLE")
				.jsonPath("$.errors[0].message").isNotEmpty();
	}

	@Test
	void aBadTokenIsStillUnauthorizedWhileTheIssuerIsDown() {
		tokenSignedWithAKeyTheServerCannotFetch();

		http().post().uri("/graphql").headers(headers -> headers.setBearerAuth("not-a-jwt"))
				.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", VIEWER)).exchange()
				.expectStatus().isUnauthorized()
				.expectHeader().exists("WWW-Authenticate");
	}

	@Test
	void aWebSocketWhoseTokenCannotBeCheckedClosesWithTryAgainLater() throws Exception {
		String token = tokenSignedWithAKeyTheServerCannotFetch();

		CompletableFuture<Integer> closed = new CompletableFuture<>();
		WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("graphql-transport-ws")
				.buildAsync(URI.create("ws://localhost:" + port + "/graphql"), new WebSocket.Listener() {
					@Override
					public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
						closed.complete(statusCode);
						return null;
					}

					@Override
					public void onError(WebSocket webSocket, Throwable error) {
						closed.completeExceptionally(error);
					}
				}).get(10, TimeUnit.SECONDS);
		socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}", true)
				.get(10, TimeUnit.SECONDS);

		assertThat(closed.get(15, TimeUnit.SECONDS)).as("1013: try again later").isEqualTo(1013);
	}

	/** The issuer restarts with a new key, signs a token with it, and goes down before the server asks for it. */
	private static String tokenSignedWithAKeyTheServerCannotFetch() {
		running.close();
		TestIssuer restarted = TestIssuer.start(PORT);
		String token = restarted.token(unique("caller"));
		restarted.close();
		running = null;
		return token;
	}
}
