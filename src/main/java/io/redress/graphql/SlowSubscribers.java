package io.redress.graphql;

import graphql.ExecutionResult;
import io.redress.shared.TooSlowException;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * A WebSocket subscription ended because its subscriber was too slow closes the whole socket (1008): the error
 * message alone would sit unread behind the events the client is not taking, holding the connection's buffers.
 */
@Component
class SlowSubscribers implements WebGraphQlInterceptor {

	@Override
	@SuppressWarnings("unchecked")
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest socketRequest)) {
			return chain.next(request);
		}
		return chain.next(request).map(response -> {
			if (!(response.getExecutionResult().getData() instanceof Publisher<?> events)) {
				return response;
			}
			Flux<ExecutionResult> closing = Flux.from((Publisher<ExecutionResult>) events).doOnError(ex -> {
				if (tooSlow(ex) && socketRequest.getSessionInfo().getAttributes()
						.get(ValidatedWebSocketSession.ATTRIBUTE) instanceof ValidatedWebSocketSession session) {
					session.closeAsTooSlow();
				}
			});
			return response.transform(builder -> builder.data(closing));
		});
	}

	private static boolean tooSlow(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof TooSlowException) {
				return true;
			}
		}
		return false;
	}
}
