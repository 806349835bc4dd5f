package io.redress.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import graphql.GraphQLError;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Value;
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
 * The HTTP status of a GraphQL response whose errors all say the server, not the request, failed or refused: a
 * client (or a proxy) then knows from the status alone that a retry may succeed, and from {@code Retry-After} when.
 * Spring for GraphQL answers only 200 or 400 and gives interceptors a read-only copy of the exchange's attributes,
 * so the filter leaves a holder there that the interceptor (outermost, so it sees every error the others add) or a
 * refusal fills in, and the status is applied as the response is committed. Streams (WebSocket, and Server-Sent
 * Events once they have started) are committed before any result: there it is only the error's classification.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorStatus implements WebGraphQlInterceptor, WebFilter {

	private static final String NAME = ErrorStatus.class.getName();

	/** Seconds a client should wait before retrying a 503: long enough for a database fail-over to begin. */
	static final long UNAVAILABLE_RETRY_AFTER = 5;

	private static final String ATTRIBUTE = ErrorStatus.class.getName();

	private final String path;

	ErrorStatus(@Value("${spring.graphql.http.path:/graphql}") String path) {
		this.path = path;
	}

	/** A status for the HTTP answer, with the seconds for {@code Retry-After} (none when zero). */
	private record Answer(HttpStatus status, long retryAfterSeconds) {
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest) {
			return chain.next(request);
		}
		return chain.next(request).doOnNext(response -> {
			Answer answer = answerTo(response.getExecutionResult().getErrors());
			if (answer != null) {
				set(request.getAttributes(), answer);
			}
		});
	}

	/**
	 * The answer when every error is one of the server's own classifications, decided by the first; null when any
	 * error is the request's (its status stays 200 or 400) or there is none.
	 */
	private static Answer answerTo(List<GraphQLError> errors) {
		if (errors.isEmpty()) {
			return null;
		}
		Answer first = null;
		for (GraphQLError error : errors) {
			Answer answer = answerTo(error);
			if (answer == null) {
				return null;
			}
			first = first == null ? answer : first;
		}
		return first;
	}

	private static Answer answerTo(GraphQLError error) {
		if (error.getErrorType() == ServerErrorType.UNAVAILABLE) {
			return new Answer(HttpStatus.SERVICE_UNAVAILABLE, UNAVAILABLE_RETRY_AFTER);
		}
		if (error.getErrorType() == Timeout.TIMEOUT) {
			return new Answer(HttpStatus.GATEWAY_TIMEOUT, 0);
		}
		if (error.getErrorType() == RateLimited.RATE_LIMITED) {
			return new Answer(HttpStatus.TOO_MANY_REQUESTS, RateLimited.retryAfterSeconds(error));
		}
		return null;
	}

	/**
	 * Marks the request whose (read-only) attributes these are as refused by a limit, for a refusal that is not an
	 * error in the result: a stream that fails at once, as Server-Sent Events need it.
	 */
	static void tooManyRequests(Map<String, Object> requestAttributes, long retryAfterSeconds) {
		set(requestAttributes, new Answer(HttpStatus.TOO_MANY_REQUESTS, retryAfterSeconds));
	}

	/** Answers an exchange outside GraphQL (a widget, a WebSocket handshake) 429 with {@code Retry-After}. */
	static void tooManyRequests(ServerWebExchange exchange, long retryAfterSeconds) {
		apply(exchange, new Answer(HttpStatus.TOO_MANY_REQUESTS, retryAfterSeconds));
	}

	@SuppressWarnings("unchecked")
	private static void set(Map<String, Object> requestAttributes, Answer answer) {
		if (requestAttributes.get(ATTRIBUTE) instanceof AtomicReference<?> holder) {
			((AtomicReference<Answer>) holder).set(answer);
		}
	}

	private static void apply(ServerWebExchange exchange, Answer answer) {
		exchange.getResponse().setStatusCode(answer.status());
		if (answer.retryAfterSeconds() > 0) {
			exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(answer.retryAfterSeconds()));
		}
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		if (!path.equals(exchange.getRequest().getPath().value())) {
			return chain.filter(exchange);
		}
		AtomicReference<Answer> answer = new AtomicReference<>();
		exchange.getAttributes().put(ATTRIBUTE, answer);
		exchange.getResponse().beforeCommit(() -> {
			if (answer.get() != null) {
				apply(exchange, answer.get());
			}
			return Mono.empty();
		});
		return chain.filter(exchange);
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
