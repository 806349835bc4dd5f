package io.redress.graphql;

import java.util.List;
import java.util.Set;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * A subscription event is delivered whole or not at all. graphql-java resolves each event's selection on its own,
 * and a field that fails there (the database down while the event's message is read) would become {@code null}
 * with an error beside it, and the client's cursor would move past an event it never really got. Instead, such an
 * event ends the subscription with that error, before the event: the client subscribes again with the last cursor
 * it received and gets the event once it can be read. Errors that say the subscriber may not see a field
 * (FORBIDDEN, NOT_FOUND, …) would say the same on a retry and are delivered as they are.
 */
@Component
class IncompleteEvents implements WebGraphQlInterceptor {

	/** Verdicts on the request or the caller's rights: resubscribing would not change them. */
	private static final Set<String> FINAL = Set.of(ErrorType.BAD_REQUEST.name(), ErrorType.UNAUTHORIZED.name(),
			ErrorType.FORBIDDEN.name(), ErrorType.NOT_FOUND.name());

	@Override
	@SuppressWarnings("unchecked")
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(response -> {
			if (!(response.getExecutionResult().getData() instanceof Publisher<?> events)) {
				return response;
			}
			// handle, not concatMap: nothing is fetched ahead, so a slow subscriber still holds up the stream.
			Flux<ExecutionResult> whole = Flux.from((Publisher<ExecutionResult>) events)
					.handle((event, sink) -> {
						if (passing(event.getErrors()).isEmpty()) {
							sink.next(event);
						}
						else {
							sink.error(new SubscriptionPublisherException(endingErrors(event.getErrors()), null));
						}
					});
			return response.transform(builder -> builder.data(whole));
		});
	}

	private static List<GraphQLError> passing(List<GraphQLError> errors) {
		return errors.stream().filter(error -> !isFinal(error)).toList();
	}

	private static boolean isFinal(GraphQLError error) {
		return error.getErrorType() != null && FINAL.contains(error.getErrorType().toString());
	}

	/** The errors that ended the subscription, with their classification, and what to do about them. */
	private static List<GraphQLError> endingErrors(List<GraphQLError> errors) {
		return passing(errors).stream()
				.map(error -> GraphqlErrorBuilder.newError()
						.message(error.getMessage() + "; the event was not delivered: subscribe again with after: "
								+ "the last cursor you received")
						.path(error.getPath())
						.errorType(error.getErrorType() == null ? ErrorType.INTERNAL_ERROR : error.getErrorType())
						.build())
				.toList();
	}
}
