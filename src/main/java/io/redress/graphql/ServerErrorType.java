package io.redress.graphql;

/**
 * Classifications Spring for GraphQL's {@code ErrorType} lacks: failures that are no fault of the request and pass,
 * so a client should retry. {@link ErrorStatus} gives each its HTTP status.
 */
enum ServerErrorType implements graphql.ErrorClassification {

	/** A service the request needed (the database, the token issuer) could not be reached. */
	UNAVAILABLE
}
