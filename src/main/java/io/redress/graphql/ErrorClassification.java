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
 * The one place where module exceptions become GraphQL errors. Anything not listed here is reported by Spring for
 * GraphQL as a bare INTERNAL_ERROR with an id to find in the logs, never with a stack trace, SQL or class name.
 */
@ControllerAdvice
class ErrorClassification {

	@GraphQlExceptionHandler
	GraphQLError notFound(NotFoundException ex, DataFetchingEnvironment environment) {
		return error(environment, ErrorType.NOT_FOUND, ex.getMessage());
	}

	@GraphQlExceptionHandler
	GraphQLError forbidden(ForbiddenException ex, DataFetchingEnvironment environment) {
		return error(environment, ErrorType.FORBIDDEN, ex.getMessage());
	}

	@GraphQlExceptionHandler
	GraphQLError unauthorized(AuthenticationRequiredException ex, DataFetchingEnvironment environment) {
		return error(environment, ErrorType.UNAUTHORIZED, ex.getMessage());
	}

	@GraphQlExceptionHandler
	GraphQLError badRequest(BadRequestException ex, DataFetchingEnvironment environment) {
		return error(environment, ErrorType.BAD_REQUEST, ex.getMessage());
	}

	private static GraphQLError error(DataFetchingEnvironment environment, ErrorType type, String message) {
		return GraphqlErrorBuilder.newError(environment).errorType(type).message(message).build();
	}
}
