package io.redress.graphql;

import reactor.core.publisher.Mono;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Answers 413 before reading a body whose declared length is over the limit; bodies without a length (chunked) are
 * cut off by the codecs' in-memory limit ({@code spring.http.codecs.max-in-memory-size}) while they are read, and
 * that failure is answered with 413 too rather than as a server error.
 */
@Component
class RequestSizeLimit implements WebFilter {

	private static final String NAME = RequestSizeLimit.class.getName();

	private final long maxBytes;

	RequestSizeLimit(GraphQlSettings settings) {
		this.maxBytes = settings.maxRequestSize().toBytes();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (exchange.getRequest().getHeaders().getContentLength() > maxBytes) {
			return tooLarge(exchange);
		}
		return chain.filter(exchange)
				.onErrorResume(DataBufferLimitException.class,
						ex -> exchange.getResponse().isCommitted() ? Mono.error(ex) : tooLarge(exchange));
	}

	private static Mono<Void> tooLarge(ServerWebExchange exchange) {
		exchange.getResponse().setStatusCode(HttpStatus.PAYLOAD_TOO_LARGE);
		return exchange.getResponse().setComplete();
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
