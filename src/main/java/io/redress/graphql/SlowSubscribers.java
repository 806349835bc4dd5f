package io.redress.graphql;

import java.util.Map;

import graphql.schema.DataFetchingEnvironment;
import io.redress.shared.TooSlowException;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * A WebSocket subscription ended because its subscriber was too slow closes the whole socket (1008): the error
 * message alone would sit unread behind the events the client is not taking, holding the connection's buffers. The
 * socket is closed where the error is classified ({@link ErrorClassification}), not where it would reach the
 * client: graphql-java delivers it only after the events queued before it, which a client that does not read never
 * takes.
 */
@Component
class SlowSubscribers implements WebGraphQlInterceptor {

	/** The GraphQL context key of the action that closes the subscriber's socket. */
	static final String CLOSE_SOCKET = SlowSubscribers.class.getName();

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (request instanceof WebSocketGraphQlRequest socketRequest && socketRequest.getSessionInfo().getAttributes()
				.get(ValidatedWebSocketSession.ATTRIBUTE) instanceof ValidatedWebSocketSession session) {
			Runnable close = session::closeAsTooSlow;
			request.configureExecutionInput((input, builder) -> builder.graphQLContext(Map.of(CLOSE_SOCKET, close))
					.build());
		}
		return chain.next(request);
	}

	/** What closes the socket {@code request} came on when its subscriber is too slow; nothing for a stream. */
	static Runnable closer(WebGraphQlRequest request) {
		if (request instanceof WebSocketGraphQlRequest socketRequest && socketRequest.getSessionInfo().getAttributes()
				.get(ValidatedWebSocketSession.ATTRIBUTE) instanceof ValidatedWebSocketSession session) {
			return session::closeAsTooSlow;
		}
		return () -> { };
	}

	/** Closes the subscriber's socket when {@code ex} says it was too slow and it subscribed over a WebSocket. */
	static void closeIfTooSlow(Throwable ex, DataFetchingEnvironment environment) {
		if (ex instanceof TooSlowException) {
			environment.getGraphQlContext().<Runnable>getOrEmpty(CLOSE_SOCKET).ifPresent(Runnable::run);
		}
	}
}
