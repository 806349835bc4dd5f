package io.redress.graphql;

import java.nio.charset.StandardCharsets;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A request to {@code /graphql} whose body cannot be read (it is not JSON, or not a GraphQL request) keeps its 4xx
 * status but is answered in GraphQL's shape, with a classified error, like every other failure a client sees.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class MalformedRequests implements WebFilter {

	private static final String NAME = MalformedRequests.class.getName();

	private static final String PATH = "/graphql";
	private static final String REFUSAL = """
			{"errors":[{"message":"The request body is not a GraphQL request in JSON",\
			"extensions":{"classification":"BAD_REQUEST"}}]}""";

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!PATH.equals(exchange.getRequest().getPath().value())) {
			return chain.filter(exchange);
		}
		return chain.filter(exchange).onErrorResume(ResponseStatusException.class,
				ex -> ex.getStatusCode().is4xxClientError() && !exchange.getResponse().isCommitted()
						? refuse(exchange, ex) : Mono.error(ex));
	}

	private static Mono<Void> refuse(ServerWebExchange exchange, ResponseStatusException ex) {
		byte[] body = REFUSAL.getBytes(StandardCharsets.UTF_8);
		exchange.getResponse().setStatusCode(ex.getStatusCode());
		exchange.getResponse().getHeaders().setContentType(MediaType.APPLICATION_JSON);
		return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(body)));
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
