package io.redress.graphql;

import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

import io.redress.shared.Outage;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.HandshakeInfo;
import org.springframework.web.reactive.socket.WebSocketMessage;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.reactive.socket.adapter.ReactorNettyWebSocketSession;

/**
 * A WebSocket session whose incoming messages are checked first: the first malformed one closes the socket with
 * 4400 (graphql-transport-ws's "invalid message") and is never handed on. It closes the socket of a subscriber too
 * slow to keep up (1008), and says "try again later" (1013) when a connection was refused for an outage.
 */
final class ValidatedWebSocketSession implements WebSocketSession {

	static final CloseStatus INVALID_MESSAGE = new CloseStatus(4400, "Invalid message");

	private static final int UNAUTHORIZED = 4401;

	/** RFC 6455's registry: "Try Again Later", the service is temporarily unable to serve the connection. */
	private static final int TRY_AGAIN_LATER = 1013;

	/** RFC 6455's "Policy Violation": the client broke the rule of reading what it subscribed to. */
	private static final CloseStatus TOO_SLOW = new CloseStatus(1008, "Too slow to keep up; resume from your last cursor");

	/** How long the close frame may take to get out before the connection is dropped without it. */
	private static final Duration CLOSE_GRACE = Duration.ofSeconds(1);

	/** The session attribute holding this session, for interceptors that must close the socket. */
	static final String ATTRIBUTE = ValidatedWebSocketSession.class.getName();

	private final WebSocketSession session;
	private final Predicate<String> wellFormed;
	private final OpenSockets sockets;

	ValidatedWebSocketSession(WebSocketSession session, Predicate<String> wellFormed, OpenSockets sockets) {
		this.session = session;
		this.wellFormed = wellFormed;
		this.sockets = sockets;
		session.getAttributes().put(ATTRIBUTE, this);
	}

	/**
	 * Closes the socket of a subscriber that fell too far behind. A client that does not read leaves the close
	 * frame queued behind the events it did not take, so the connection is dropped if the frame is not out within
	 * a second: closing never waits on the client.
	 */
	void closeAsTooSlow() {
		session.close(TOO_SLOW).subscribe(null, ex -> dropConnection());
		Mono.delay(CLOSE_GRACE).subscribe(tick -> dropConnection());
	}

	private void dropConnection() {
		if (session instanceof ReactorNettyWebSocketSession netty) {
			sockets.drop(netty.getChannelId());
		}
	}

	@Override
	public Flux<WebSocketMessage> receive() {
		return session.receive().concatMap(message -> message.getType() == WebSocketMessage.Type.TEXT
				&& wellFormed.test(message.getPayloadAsText()) ? Mono.just(message)
						: session.close(INVALID_MESSAGE).then(Mono.<WebSocketMessage>empty()));
	}

	@Override
	public String getId() {
		return session.getId();
	}

	@Override
	public HandshakeInfo getHandshakeInfo() {
		return session.getHandshakeInfo();
	}

	@Override
	public DataBufferFactory bufferFactory() {
		return session.bufferFactory();
	}

	@Override
	public Map<String, Object> getAttributes() {
		return session.getAttributes();
	}

	@Override
	public Mono<Void> send(Publisher<WebSocketMessage> messages) {
		return session.send(messages);
	}

	@Override
	public boolean isOpen() {
		return session.isOpen();
	}

	/**
	 * graphql-ws closes a connection whose {@code connection_init} was refused with 4401; when the refusal was an
	 * outage (the token issuer unreachable) the close says so instead: 1013, try again later.
	 */
	@Override
	public Mono<Void> close(CloseStatus status) {
		Object dependency = getAttributes().get(Outage.REFUSED_BY);
		if (status.getCode() == UNAUTHORIZED && dependency != null) {
			return session.close(new CloseStatus(TRY_AGAIN_LATER, dependency + " unreachable; try again later"));
		}
		return session.close(status);
	}

	@Override
	public Mono<CloseStatus> closeStatus() {
		return session.closeStatus();
	}

	@Override
	public WebSocketMessage textMessage(String payload) {
		return session.textMessage(payload);
	}

	@Override
	public WebSocketMessage binaryMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
		return session.binaryMessage(payloadFactory);
	}

	@Override
	public WebSocketMessage pingMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
		return session.pingMessage(payloadFactory);
	}

	@Override
	public WebSocketMessage pongMessage(Function<DataBufferFactory, DataBuffer> payloadFactory) {
		return session.pongMessage(payloadFactory);
	}
}
