package io.redress.graphql;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

import io.redress.ApiTest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** graphql-transport-ws to the letter, seen from a raw socket: malformed messages close with 4400. */
class WebSocketProtocolTests extends ApiTest {

	@Test
	void textThatIsNotJsonClosesWith4400() {
		assertThat(closeCodeAfter(List.of("this is not json"))).isEqualTo(4400);
	}

	@Test
	void anUnknownMessageTypeClosesWith4400() {
		assertThat(closeCodeAfter(List.of("{\"type\":\"connection_init\"}", "{\"type\":\"bogus\"}"))).isEqualTo(4400);
	}

	@Test
	void aSubscribeWithoutPayloadClosesWith4400() {
		assertThat(closeCodeAfter(List.of("{\"type\":\"connection_init\"}", "{\"type\":\"subscribe\",\"id\":\"1\"}")))
				.isEqualTo(4400);
	}

	@Test
	void aSubscribeWithoutIdClosesWith4400() {
		assertThat(closeCodeAfter(List.of("{\"type\":\"connection_init\"}",
				"{\"type\":\"subscribe\",\"payload\":{\"query\":\"subscription { viewerEvents { cursor } }\"}}")))
				.isEqualTo(4400);
	}

	@Test
	void aWellFormedConversationIsAcknowledged() throws Exception {
		Listener listener = new Listener();
		WebSocket socket = open(List.of(WebSocketEndpoint.SUBPROTOCOL), listener);
		socket.sendText("{\"type\":\"connection_init\"}", true).get(10, TimeUnit.SECONDS);
		socket.sendText("{\"type\":\"ping\"}", true).get(10, TimeUnit.SECONDS);

		assertThat(listener.text.get(10, TimeUnit.SECONDS)).contains("connection_ack");
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
	}

	@Test
	void aHandshakeWithoutTheProtocolsSubprotocolIsRefused() {
		for (List<String> offered : List.of(List.<String>of(), List.of("graphql-ws"), List.of("chat"))) {
			assertThatThrownBy(() -> open(offered, new Listener()))
					.as("offering %s", offered)
					.hasCauseInstanceOf(WebSocketHandshakeException.class)
					.hasRootCauseMessage("Unexpected HTTP response status code 400");
		}
	}

	private int closeCodeAfter(List<String> messages) {
		try {
			Listener listener = new Listener();
			WebSocket socket = open(List.of(WebSocketEndpoint.SUBPROTOCOL), listener);
			for (String message : messages) {
				socket.sendText(message, true).get(10, TimeUnit.SECONDS);
			}
			return listener.closed.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private WebSocket open(List<String> subprotocols, Listener listener) {
		WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder()
				.connectTimeout(Duration.ofSeconds(10));
		if (!subprotocols.isEmpty()) {
			builder.subprotocols(subprotocols.get(0), subprotocols.subList(1, subprotocols.size()).toArray(String[]::new));
		}
		try {
			return builder.buildAsync(URI.create("ws://localhost:" + port + "/graphql"), listener).join();
		}
		catch (CompletionException ex) {
			throw new IllegalStateException("The handshake failed", ex.getCause());
		}
	}

	/** Remembers the first text the server sends and the status it closes with. */
	private static final class Listener implements WebSocket.Listener {

		final CompletableFuture<String> text = new CompletableFuture<>();
		final CompletableFuture<Integer> closed = new CompletableFuture<>();

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			text.complete(data.toString());
			socket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
			closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket socket, Throwable error) {
			closed.completeExceptionally(error);
		}
	}
}
