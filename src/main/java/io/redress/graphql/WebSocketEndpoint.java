package io.redress.graphql;

import java.util.List;

import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.HttpStatus;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.reactive.socket.WebSocketSession;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The graphql-ws endpoint, with the browser origins allowed to open it. Clients that send no Origin (integrations,
 * servers) are not browsers and are not checked; authentication is by token, never by cookie. The protocol is
 * followed to the letter: a handshake that does not ask for {@code graphql-transport-ws} is refused, and any
 * malformed message closes the socket with 4400.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketEndpoint {

	private static final String SUBPROTOCOL_FILTER = WebSocketEndpoint.class.getName()
			+ ".graphQlWebSocketSubprotocol";

	static final String SUBPROTOCOL = "graphql-transport-ws";

	@Bean
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
			GraphQlSettings settings, ServerCodecConfigurer codecs, JsonMapper json, SocketLimits limits,
			OpenSockets sockets) {
		CorsConfiguration origins = new CorsConfiguration();
		origins.setAllowedOriginPatterns(settings.websocketAllowedOrigins());
		origins.setAllowedMethods(List.of("GET"));
		GraphQlWsMessages messages = new GraphQlWsMessages(json);
		return new GraphQlWebSocketHandler(handler, codecs, properties.getWebsocket().getConnectionInitTimeout(),
				properties.getWebsocket().getKeepAlive(), origins) {

			@Override
			public Mono<Void> handle(WebSocketSession session) {
				return limits.hold(session,
						held -> super.handle(new ValidatedWebSocketSession(held, messages::wellFormed, sockets)));
			}
		};
	}

	/** A WebSocket upgrade of the GraphQL path that does not offer graphql-transport-ws is a bad request. */
	@Bean
	WebFilter graphQlWebSocketSubprotocol(GraphQlProperties properties) {
		String path = properties.getWebsocket().getPath();
		return new WebFilter() {

			@Override
			public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
				var request = exchange.getRequest();
				boolean upgrade = "websocket".equalsIgnoreCase(request.getHeaders().getUpgrade())
						&& request.getPath().value().equals(path);
				if (upgrade && !offersSubprotocol(request.getHeaders().get("Sec-WebSocket-Protocol"))) {
					exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
					return exchange.getResponse().setComplete();
				}
				return chain.filter(exchange);
			}

			/** A fixed name for the checkpoint Spring's filter chain makes on every request (see SocketLimits). */
			@Override
			public String toString() {
				return SUBPROTOCOL_FILTER;
			}
		};
	}

	private static boolean offersSubprotocol(List<String> headers) {
		return headers != null && headers.stream().flatMap(header -> List.of(header.split(",")).stream())
				.anyMatch(protocol -> protocol.strip().equals(SUBPROTOCOL));
	}
}
