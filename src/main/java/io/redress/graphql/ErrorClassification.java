package io.redress.graphql;

import java.util.List;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.language.OperationDefinition;
import graphql.execution.AbortExecutionException;
import graphql.schema.DataFetchingEnvironment;
import io.redress.shared.AuthenticationRequiredException;
import io.redress.shared.BadRequestException;
import io.redress.shared.DatabaseOutage;
import io.redress.shared.ForbiddenException;
import io.redress.shared.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.DataFetcherExceptionResolver;
import org.springframework.graphql.execution.DataFetcherExceptionResolverAdapter;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The one place where module exceptions become GraphQL errors, for queries and mutations here and for running
 * subscriptions in {@link SubscriptionErrors}; work stopped for taking too long is TIMEOUT ({@link Timeouts}). Anything
 * else is reported by Spring for GraphQL as a bare INTERNAL_ERROR with an id to find in the logs, never with a stack
 * trace, SQL or class name. A database outage is UNAVAILABLE (retriable): it is logged once per outage by
 * {@link DatabaseOutage}, not once per field. Fields cancelled because the client went away are logged at DEBUG only.
 */
@ControllerAdvice
class ErrorClassification extends DataFetcherExceptionResolverAdapter {

	private static final Logger log = LoggerFactory.getLogger(ErrorClassification.class);

	static final String UNAVAILABLE_MESSAGE = "The service is temporarily unavailable; try again shortly";

	private final DatabaseOutage database;

	ErrorClassification(DatabaseOutage database) {
		this.database = database;
	}

	@GraphQlExceptionHandler({ NotFoundException.class, ForbiddenException.class,
			AuthenticationRequiredException.class, BadRequestException.class })
	GraphQLError classified(RuntimeException ex, DataFetchingEnvironment environment) {
		SlowSubscribers.closeIfTooSlow(ex, environment);
		return GraphqlErrorBuilder.newError(environment).errorType(typeOf(ex)).message(ex.getMessage()).build();
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex, DataFetchingEnvironment environment) {
		if (ex instanceof AbortExecutionException) {
			// graphql-java cancels the fields still running when the client goes away: nobody is left to tell.
			log.debug("Field {} cancelled: {}", environment.getExecutionStepInfo().getPath(), ex.getMessage());
			return GraphqlErrorBuilder.newError(environment).errorType(ErrorType.BAD_REQUEST)
					.message("The request was cancelled").build();
		}
		if (!database.report(ex)) {
			return null;
		}
		return GraphqlErrorBuilder.newError(environment).errorType(ServerErrorType.UNAVAILABLE)
				.message(UNAVAILABLE_MESSAGE).build();
	}

	/** The classification of a module exception or an outage; null for anything unexpected. */
	static graphql.ErrorClassification typeOf(Throwable ex) {
		if (DatabaseOutage.isOutage(ex)) {
			return ServerErrorType.UNAVAILABLE;
		}
		if (ex instanceof NotFoundException) {
			return ErrorType.NOT_FOUND;
		}
		if (ex instanceof ForbiddenException) {
			return ErrorType.FORBIDDEN;
		}
		if (ex instanceof AuthenticationRequiredException) {
			return ErrorType.UNAUTHORIZED;
		}
		return ex instanceof BadRequestException ? ErrorType.BAD_REQUEST : null;
	}

	/**
	 * Work stopped for taking too long is TIMEOUT, whatever exception type the database layer wrapped it in, so this
	 * resolver runs before every other one; anything else it leaves to them. The transaction the work ran in was
	 * rolled back before the error got here ({@link DeadlineTransactions}, and the database's own timeouts abort the
	 * transaction they hit), so a mutation says it saved nothing.
	 */
	@Component
	@Order(Ordered.HIGHEST_PRECEDENCE)
	static class Timeouts implements DataFetcherExceptionResolver {

		@Override
		public Mono<List<GraphQLError>> resolveException(Throwable ex, DataFetchingEnvironment environment) {
			if (!DatabaseTimeouts.isTimeout(ex)) {
				return Mono.empty();
			}
			boolean mutation = environment.getOperationDefinition() != null && environment.getOperationDefinition()
					.getOperation() == OperationDefinition.Operation.MUTATION;
			String message = mutation ? "The operation took too long and was stopped; nothing was saved"
					: "The operation took too long and was stopped";
			return Mono.just(List.of(GraphqlErrorBuilder.newError(environment).errorType(Timeout.TIMEOUT)
					.message(message).build()));
		}
	}
}
