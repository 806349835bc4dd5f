package io.redress.graphql;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import reactor.core.publisher.Mono;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.CloseStatus;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Caps the WebSockets held open per IP address (an upgrade over the cap is refused with 429, before any socket is
 * opened) and per signed-in caller. A socket's caller is known only once its {@code connection_init} token has been
 * checked, so a caller over the cap has the socket closed with 4429 at its first operation. Everything a socket
 * holds is given back when it ends.
 */
@Component
class SocketLimits implements WebFilter {

	private static final String NAME = SocketLimits.class.getName();

	/** The close status for a socket beyond its caller's cap (graphql-transport-ws leaves 4400–4499 to servers). */
	static final CloseStatus TOO_MANY_SOCKETS = new CloseStatus(4429, "Too many connections");

	/** Seconds to suggest before trying again when a cap on open things refuses: one of them must end first. */
	static final long CAP_RETRY_AFTER = 30;

	private static final String RELEASES = SocketLimits.class.getName() + ".RELEASES";
	private static final String CLOSE = SocketLimits.class.getName() + ".CLOSE";
	private static final String OWNED = SocketLimits.class.getName() + ".OWNED";

	private final Occupancy perIp = new Occupancy();
	private final Occupancy perPrincipal = new Occupancy();
	private final LimitSettings settings;
	private final String path;

	SocketLimits(LimitSettings settings, GraphQlProperties properties) {
		this.settings = settings;
		this.path = properties.getWebsocket().getPath();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		var request = exchange.getRequest();
		if ("websocket".equalsIgnoreCase(request.getHeaders().getUpgrade()) && request.getPath().value().equals(path)
				&& perIp.held(Caller.ip(request.getRemoteAddress())) >= settings.maxSocketsPerIp()) {
			ErrorStatus.tooManyRequests(exchange, CAP_RETRY_AFTER);
			return exchange.getResponse().setComplete();
		}
		return chain.filter(exchange);
	}

	/** Runs a socket's handler while it holds a place for its IP address; gives back all it held when it ends. */
	Mono<Void> hold(WebSocketSession session, Function<WebSocketSession, Mono<Void>> handler) {
		Map<String, Object> attributes = session.getAttributes();
		List<Runnable> releases = new CopyOnWriteArrayList<>();
		attributes.put(RELEASES, releases);
		attributes.put(CLOSE, (Runnable) () -> session.close(TOO_MANY_SOCKETS).subscribe());
		// The handshake checked the count; two upgrades at once may both have passed it, so it is taken here.
		Optional<Runnable> place = perIp.enter(Caller.ip(session.getHandshakeInfo().getRemoteAddress()),
				settings.maxSocketsPerIp());
		if (place.isEmpty()) {
			return session.close(TOO_MANY_SOCKETS);
		}
		releases.add(place.get());
		return handler.apply(session).doFinally(signal -> releases.forEach(Runnable::run));
	}

	/**
	 * Counts the socket against its signed-in caller at its first operation; false (and the socket closing with
	 * 4429) when the caller holds too many.
	 */
	boolean admit(Map<String, Object> sessionAttributes, Caller caller) {
		if (!caller.signedIn() || sessionAttributes.putIfAbsent(OWNED, caller.key()) != null) {
			return true;
		}
		Optional<Runnable> place = perPrincipal.enter(caller.key(), settings.maxSocketsPerPrincipal());
		place.ifPresent(release -> whenEnded(sessionAttributes, release));
		if (place.isEmpty() && sessionAttributes.get(CLOSE) instanceof Runnable close) {
			close.run();
		}
		return place.isPresent();
	}

	/** Gives {@code release} back when the socket ends. */
	@SuppressWarnings("unchecked")
	static void whenEnded(Map<String, Object> sessionAttributes, Runnable release) {
		if (sessionAttributes.get(RELEASES) instanceof List<?> releases) {
			((List<Runnable>) releases).add(release);
		}
	}

	/**
	 * Spring's filter chain names each filter in a Reactor checkpoint on every request; a fixed name spares it
	 * {@code Object.toString()}'s hash and concatenation each time.
	 */
	@Override
	public String toString() {
		return NAME;
	}
}
