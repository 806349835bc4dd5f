package io.redress.graphql;

import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import io.redress.shared.DatabaseOutage;

import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/**
 * Classifies errors that end a running subscription (a member removed from the brand, a subscriber too slow to keep
 * up, work stopped for taking too long, a database outage) the same way {@link ErrorClassification} does for
 * queries, so clients can tell them apart.
 */
@Component
class SubscriptionErrors extends SubscriptionExceptionResolverAdapter {

	private final DatabaseOutage database;

	SubscriptionErrors(DatabaseOutage database) {
		this.database = database;
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		if (DatabaseTimeouts.isTimeout(ex)) {
			return GraphqlErrorBuilder.newError().errorType(Timeout.TIMEOUT)
					.message("The operation took too long and was stopped").build();
		}
		if (database.report(ex)) {
			return GraphqlErrorBuilder.newError().errorType(ServerErrorType.UNAVAILABLE)
					.message(ErrorClassification.UNAVAILABLE_MESSAGE
							+ "; subscribe again with after: the last cursor you received")
					.build();
		}
		graphql.ErrorClassification type = ErrorClassification.typeOf(ex);
		return type == null ? null : GraphqlErrorBuilder.newError().errorType(type).message(ex.getMessage()).build();
	}
}
