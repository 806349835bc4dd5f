package io.redress.graphql;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import graphql.GraphQLError;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * The HTTP status of a GraphQL response over HTTP whose errors say the server, not the request, failed: a client
 * (or a proxy) then knows from the status alone that a retry may succeed. Outermost of the interceptors, so it sees
 * every error the others add.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorStatus implements WebGraphQlInterceptor, WebFilter {

	/** classification → HTTP status; the first error with a classification here decides. */
	private static final Map<String, HttpStatus> STATUS = Map.of(
			ServerErrorType.UNAVAILABLE.name(), HttpStatus.SERVICE_UNAVAILABLE);

	/** Seconds a client should wait before retrying a 503: long enough for a database fail-over to begin. */
	static final String RETRY_AFTER_SECONDS = "5";

	private static final String ATTRIBUTE = ErrorStatus.class.getName();

	@Override
	@SuppressWarnings("unchecked")
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest) {
			return chain.next(request);
		}
		return chain.next(request).doOnNext(response -> statusOf(response).ifPresent(status -> {
			// The request's attributes are a copy of the exchange's, holding the filter's holder for the status.
			if (request.getAttributes().get(ATTRIBUTE) instanceof AtomicReference<?> holder) {
				((AtomicReference<Object>) holder).set(status);
			}
			if (status == HttpStatus.SERVICE_UNAVAILABLE) {
				response.getResponseHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			}
		}));
	}

	private static Optional<HttpStatus> statusOf(WebGraphQlResponse response) {
		return response.getExecutionResult().getErrors().stream()
				.map(GraphQLError::getErrorType)
				.filter(type -> type != null && STATUS.containsKey(type.toString()))
				.map(type -> STATUS.get(type.toString()))
				.findFirst();
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		AtomicReference<HttpStatus> status = new AtomicReference<>();
		exchange.getAttributes().put(ATTRIBUTE, status);
		exchange.getResponse().beforeCommit(() -> {
			if (status.get() != null) {
				exchange.getResponse().setStatusCode(status.get());
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
	}
}
