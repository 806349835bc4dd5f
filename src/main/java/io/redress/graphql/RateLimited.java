package io.redress.graphql;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import graphql.ErrorClassification;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import reactor.core.publisher.Flux;

import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.MediaType;

/**
 * The classification of a request refused by a limit per caller. Over HTTP it comes with status 429 and
 * {@code Retry-After}; over a WebSocket the refused operation gets an {@code error} message.
 */
enum RateLimited implements ErrorClassification {

	RATE_LIMITED;

	/** A refusal that says when to try again (also as {@code extensions.retryAfterSeconds}). */
	static GraphQLError error(String message, long retryAfterSeconds) {
		return GraphqlErrorBuilder.newError().errorType(RATE_LIMITED).message(message)
				.extensions(Map.of("retryAfterSeconds", retryAfterSeconds)).build();
	}

	/** A refusal by a cap on things held open: trying again helps once one of them ends. */
	static GraphQLError error(String message) {
		return error(message, SocketLimits.CAP_RETRY_AFTER);
	}

	/** The refusal among a response's errors, if it was refused. */
	static Optional<GraphQLError> of(WebGraphQlResponse response) {
		return response.getExecutionResult().getErrors().stream()
				.filter(error -> error.getErrorType() == RATE_LIMITED).findFirst();
	}

	/**
	 * The answer to a refused request: over HTTP its errors (and, by {@link ErrorStatus}, status 429 with
	 * {@code Retry-After}); over a stream (WebSocket or Server-Sent Events) a stream that fails at once with them,
	 * which graphql-ws sends as the operation's {@code error} message and SSE as its one event.
	 */
	static WebGraphQlResponse refusal(WebGraphQlRequest request, GraphQLError error) {
		ErrorStatus.tooManyRequests(request.getAttributes(), retryAfterSeconds(error));
		ExecutionResult result = streamed(request)
				? ExecutionResult.newExecutionResult()
						.data(Flux.error(new SubscriptionPublisherException(List.of(error), null))).build()
				: ExecutionResult.newExecutionResult().addError(error).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	/** The seconds a refusal says to wait before trying again. */
	static long retryAfterSeconds(GraphQLError error) {
		return error.getExtensions() != null && error.getExtensions().get("retryAfterSeconds") instanceof Long seconds
				? seconds : SocketLimits.CAP_RETRY_AFTER;
	}

	private static boolean streamed(WebGraphQlRequest request) {
		return request instanceof WebSocketGraphQlRequest
				|| request.getHeaders().getAccept().stream().anyMatch(MediaType.TEXT_EVENT_STREAM::includes);
	}
}
