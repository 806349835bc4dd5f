package io.redress.graphql;

import graphql.ErrorClassification;

/**
 * The classification of an error for work stopped for taking too long (HTTP 504 when it is a request's only kind of
 * error); a mutation answered this way saved nothing.
 */
enum Timeout implements ErrorClassification {

	TIMEOUT
}
