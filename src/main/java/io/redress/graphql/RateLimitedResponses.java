package io.redress.graphql;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Gives a GraphQL request refused by a limit per caller (its errors say {@code RATE_LIMITED}) HTTP status 429 and
 * {@code Retry-After}, for plain responses and Server-Sent Events alike; Spring for GraphQL itself knows no status
 * but 200 and 400, so the refusal is left on the exchange and applied as the response is committed.
 */
@Component
class RateLimitedResponses implements WebFilter, Ordered {

	private static final String RETRY_AFTER = RateLimitedResponses.class.getName() + ".RETRY_AFTER";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		AtomicLong retryAfter = new AtomicLong();
		exchange.getAttributes().put(RETRY_AFTER, retryAfter);
		exchange.getResponse().beforeCommit(() -> {
			if (retryAfter.get() > 0) {
				tooManyRequests(exchange, retryAfter.get());
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}

	/** Marks the request whose attributes these are as refused; a WebSocket request has no such mark to set. */
	static void refuse(Map<String, Object> requestAttributes, long retryAfterSeconds) {
		if (requestAttributes.get(RETRY_AFTER) instanceof AtomicLong retryAfter) {
			retryAfter.set(retryAfterSeconds);
		}
	}

	static void tooManyRequests(ServerWebExchange exchange, long retryAfterSeconds) {
		exchange.getResponse().setStatusCode(HttpStatus.TOO_MANY_REQUESTS);
		exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}
}
