package io.redress.graphql;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers 413 before reading a body whose declared length is over the limit; bodies without a length are capped
 * by the codecs' in-memory limit ({@code spring.http.codecs.max-in-memory-size}) instead.
 */
@Component
class RequestSizeLimit implements WebFilter {

	private final long maxBytes;

	RequestSizeLimit(GraphQlSettings settings) {
		this.maxBytes = settings.maxRequestSize().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getHeaders().getContentLength() > maxBytes) {
			exchange.getResponse().setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
			return exchange.getResponse().setComplete();
		}
		return chain.filter(exchange);
	}
}
