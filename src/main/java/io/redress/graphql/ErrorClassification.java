package io.redress.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.schema.DataFetchingEnvironment;
import io.redress.shared.AuthenticationRequiredException;
import io.redress.shared.BadRequestException;
import io.redress.shared.ForbiddenException;
import io.redress.shared.NotFoundException;

import org.springframework.graphql.data.method.annotation.GraphQlExceptionHandler;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.web.bind.annotation.ControllerAdvice;

/**
 * The one place where module exceptions become GraphQL errors, for queries and mutations here and for running
 * subscriptions in {@link SubscriptionErrors}. Anything else is reported by Spring for GraphQL as a bare
 * INTERNAL_ERROR with an id to find in the logs, never with a stack trace, SQL or class name.
 */
@ControllerAdvice
class ErrorClassification {

	@GraphQlExceptionHandler({ NotFoundException.class, ForbiddenException.class,
			AuthenticationRequiredException.class, BadRequestException.class })
	GraphQLError classified(RuntimeException ex, DataFetchingEnvironment environment) {
		return GraphqlErrorBuilder.newError(environment).errorType(typeOf(ex)).message(ex.getMessage()).build();
	}

	/** The classification of a module exception; null for anything unexpected. */
	static ErrorType typeOf(Throwable ex) {
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
}
