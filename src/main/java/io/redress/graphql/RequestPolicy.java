package io.redress.graphql;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.SubscriptionExecutionStrategy;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * Applies the execution time limit, keeps subscription events in order, and gives every error one of the documented
 * classifications: graphql-java's own (syntax, validation, aborted by a limit) all mean the request was bad.
 */
@Component
class RequestPolicy implements WebGraphQlInterceptor {

	private static final Set<String> REQUEST_ERRORS = Set.of(graphql.ErrorType.InvalidSyntax.name(),
			graphql.ErrorType.ValidationError.name(), graphql.ErrorType.OperationNotSupported.name(),
			graphql.ErrorType.ExecutionAborted.name(), "IntrospectionDisabled", "BadFaithIntrospection");

	private final GraphQlSettings settings;

	RequestPolicy(GraphQlSettings settings) {
		this.settings = settings;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		// Subscription events are resolved concurrently; without this graphql-java may send them out of log order,
		// and a client resuming after the last cursor it saw would skip events.
		request.configureExecutionInput((input, builder) -> builder
				.graphQLContext(Map.of(SubscriptionExecutionStrategy.KEEP_SUBSCRIPTION_EVENTS_ORDERED, true))
				.build());
		return chain.next(request)
				.timeout(settings.timeout())
				.onErrorResume(TimeoutException.class, ex -> Mono.just(timedOut(request)))
				.map(response -> streamsWithoutAStream(request, response) ? needsAStream(request)
						: classified(response));
	}

	/**
	 * A subscription sent as a plain POST has no way to deliver its events: its result is a stream, which must not
	 * be written as data (it would show the stream's internals). It needs graphql-ws or Server-Sent Events.
	 */
	private static boolean streamsWithoutAStream(WebGraphQlRequest request, WebGraphQlResponse response) {
		return response.getExecutionResult().getData() instanceof Publisher<?>
				&& !(request instanceof WebSocketGraphQlRequest)
				&& request.getHeaders().getAccept().stream().noneMatch(MediaType.TEXT_EVENT_STREAM::includes);
	}

	private static WebGraphQlResponse needsAStream(WebGraphQlRequest request) {
		return failed(request, GraphqlErrorBuilder.newError()
				.message("Subscriptions need a stream: a WebSocket at /graphql (graphql-transport-ws), "
						+ "or Server-Sent Events (POST with Accept: text/event-stream)")
				.errorType(ErrorType.BAD_REQUEST)
				.build());
	}

	private static WebGraphQlResponse classified(WebGraphQlResponse response) {
		List<GraphQLError> errors = response.getExecutionResult().getErrors();
		if (errors.stream().noneMatch(RequestPolicy::isRequestError)) {
			return response;
		}
		return response.transform(builder -> builder.errors(errors.stream().map(RequestPolicy::classified).toList()));
	}

	private static GraphQLError classified(GraphQLError error) {
		if (!isRequestError(error)) {
			return error;
		}
		return GraphqlErrorBuilder.newError()
				.message(ValidationMessages.readable(error.getMessage()))
				.locations(error.getLocations())
				.path(error.getPath())
				.errorType(ErrorType.BAD_REQUEST)
				.build();
	}

	/**
	 * graphql-java's own classifications that mean the request itself was bad; some (disabled or bad-faith
	 * introspection) are not values of its enum, so they are known by name.
	 */
	private static boolean isRequestError(GraphQLError error) {
		return error.getErrorType() != null && REQUEST_ERRORS.contains(error.getErrorType().toString());
	}

	private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
		return failed(request, GraphqlErrorBuilder.newError()
				.message("The operation took longer than " + settings.timeout().toSeconds() + " s and was stopped")
				.errorType(ErrorType.INTERNAL_ERROR)
				.build());
	}

	private static WebGraphQlResponse failed(WebGraphQlRequest request, GraphQLError error) {
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}
}
