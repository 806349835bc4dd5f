package io.redress.graphql;

import java.time.Duration;
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
 * Applies the execution time limit (a deadline the request's transactions obey, see {@link RequestDeadline}), keeps
 * subscription events in order, and gives every error one of the documented classifications: graphql-java's own
 * (syntax, validation, aborted by a limit) all mean the request was bad.
 */
@Component
class RequestPolicy implements WebGraphQlInterceptor {

	private static final Set<String> REQUEST_ERRORS = Set.of(graphql.ErrorType.InvalidSyntax.name(),
			graphql.ErrorType.ValidationError.name(), graphql.ErrorType.OperationNotSupported.name(),
			graphql.ErrorType.ExecutionAborted.name(), "IntrospectionDisabled", "BadFaithIntrospection");

	/** How long after the deadline the answer waits for work that is stopping (rolling back) or committing. */
	private static final Duration BACKSTOP_GRACE = Duration.ofSeconds(2);

	/**
	 * The execution's name, for Reactor's timeout (the backstop): unnamed, every request's timeout walked the chain
	 * above it for a name and, finding none, derived one from an operator's class name with a regular expression
	 * (about 1 % of an anonymous one-row query's event-loop samples), for the description of a {@link TimeoutException}
	 * that is answered as TIMEOUT here and never shown.
	 */
	private static final String EXECUTION = "graphql execution";

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
		RequestDeadline deadline = RequestDeadline.after(settings.timeout());
		return chain.next(request)
				.contextWrite(deadline::putIn)
				.doOnNext(response -> disarmForAStream(deadline, response))
				.name(EXECUTION)
				.timeout(settings.timeout().plus(BACKSTOP_GRACE))
				.onErrorResume(TimeoutException.class, ex -> Mono.just(timedOut(request)))
				.map(response -> streamsWithoutAStream(request, response) ? needsAStream(request)
						: classified(response));
	}

	/**
	 * A subscription's answer is its stream, whose later work the request's deadline must not cut short. For a query
	 * or mutation the deadline stays armed: work still running after the answer (it was given up at the backstop)
	 * can start no transaction that commits.
	 */
	private static void disarmForAStream(RequestDeadline deadline, WebGraphQlResponse response) {
		if (response.getExecutionResult().getData() instanceof Publisher<?>) {
			deadline.disarm();
		}
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

	/**
	 * The backstop, for work that did not stop at the deadline by itself: a transaction stops at the deadline and
	 * rolls back (DeadlineTransactions), and the database stops a statement sooner (DatabaseLimits), so this fires
	 * only for work outside both, such as a commit that takes longer than the grace. That work goes on unseen, so a
	 * mutation's answer cannot say whether it was saved, and says so.
	 */
	private WebGraphQlResponse timedOut(WebGraphQlRequest request) {
		String limit = "The operation took longer than " + settings.timeout().toSeconds() + " s";
		return failed(request, GraphqlErrorBuilder.newError()
				.message(OperationKinds.isMutation(request)
						? limit + "; whether it was saved is not known: read before retrying, or retry with the "
								+ "same idempotency key"
						: limit + " and was stopped")
				.errorType(Timeout.TIMEOUT)
				.build());
	}

	private static WebGraphQlResponse failed(WebGraphQlRequest request, GraphQLError error) {
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(error).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}
}
