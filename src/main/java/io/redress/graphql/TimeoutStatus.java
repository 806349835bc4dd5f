package io.redress.graphql;

import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers a GraphQL request over HTTP with 504 Gateway Timeout when every error in it is TIMEOUT: {@link RequestPolicy}
 * marks the request, and the status is set as the response is committed. Streams (SSE, WebSocket) are committed
 * before any result, so there it is only the error's classification.
 */
@Component
class TimeoutStatus implements WebFilter {

	private static final String PATH = "/graphql";
	private static final String TIMED_OUT = TimeoutStatus.class.getName() + ".timedOut";

	/** Marks the HTTP exchange behind a GraphQL request (its attributes, read-only there, hold a flag to set). */
	static void mark(Map<String, Object> requestAttributes) {
		if (requestAttributes.get(TIMED_OUT) instanceof AtomicBoolean timedOut) {
			timedOut.set(true);
		}
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!PATH.equals(exchange.getRequest().getPath().value())) {
			return chain.filter(exchange);
		}
		AtomicBoolean timedOut = new AtomicBoolean();
		exchange.getAttributes().put(TIMED_OUT, timedOut);
		exchange.getResponse().beforeCommit(() -> {
			if (timedOut.get()) {
				exchange.getResponse().setStatusCode(HttpStatus.GATEWAY_TIMEOUT);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}
}
