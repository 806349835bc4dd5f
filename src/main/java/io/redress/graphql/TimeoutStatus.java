package io.redress.graphql;

import java.util.Map;

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

	private static final String TIMED_OUT = TimeoutStatus.class.getName() + ".timedOut";

	static void mark(Map<String, Object> requestAttributes) {
		requestAttributes.put(TIMED_OUT, Boolean.TRUE);
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		exchange.getResponse().beforeCommit(() -> {
			if (Boolean.TRUE.equals(exchange.getAttribute(TIMED_OUT))) {
				exchange.getResponse().setStatusCode(HttpStatus.GATEWAY_TIMEOUT);
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}
}
