package io.redress.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Classifies errors that end a running subscription (a member removed from the brand, a subscriber too slow to keep
 * up, work stopped for taking too long) the same way {@link ErrorClassification} does for queries, so clients can
 * tell them apart.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		if (DatabaseTimeouts.isTimeout(ex)) {
			return GraphqlErrorBuilder.newError().errorType(Timeout.TIMEOUT)
					.message("The operation took too long and was stopped").build();
		}
		ErrorType type = ErrorClassification.typeOf(ex);
		return type == null ? null : GraphqlErrorBuilder.newError().errorType(type).message(ex.getMessage()).build();
	}
}
