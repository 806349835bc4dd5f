package io.redress.graphql;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.redress.ApiTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.http.HttpHeaders;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.reactive.socket.WebSocketHandler;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/** The WebSocket's browser origins are its own setting; the SPA's CORS origins neither widen nor narrow them. */
@TestPropertySource(properties = { "redress.security.cors-allowed-origins=https://spa.example",
		"redress.graphql.websocket-allowed-origins=https://partner.example" })
class WebSocketOriginTests extends ApiTest {

	/** Opens a graphql-ws socket and closes it again. */
	private static final WebSocketHandler CLOSE = new WebSocketHandler() {
		@Override
		public List<String> getSubProtocols() {
			return List.of("graphql-transport-ws");
		}

		@Override
		public Mono<Void> handle(WebSocketSession session) {
			return session.close();
		}
	};

	@Test
	void originAllowedForWebSocketsOpensOneThoughCorsDoesNotListIt() {
		StepVerifier.create(handshake("https://partner.example")).verifyComplete();
	}

	@Test
	void originAllowedOnlyByCorsIsRefused() {
		StepVerifier.create(handshake("https://spa.example")).expectError().verify(Duration.ofSeconds(10));
		StepVerifier.create(handshake("https://evil.example")).expectError().verify(Duration.ofSeconds(10));
	}

	private Mono<Void> handshake(String origin) {
		HttpHeaders headers = new HttpHeaders();
		headers.setOrigin(origin);
		return new ReactorNettyWebSocketClient().execute(URI.create("ws://localhost:" + port + "/graphql"), headers,
				CLOSE).timeout(Duration.ofSeconds(10));
	}
}
