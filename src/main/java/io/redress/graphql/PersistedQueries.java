package io.redress.graphql;

import java.util.Map;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.ApolloPersistedQuerySupport;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryError;
import graphql.execution.preparsed.persisted.PersistedQueryIdInvalid;

import org.springframework.graphql.execution.ErrorType;

/**
 * Apollo's persisted queries: a document named by the hash in {@code extensions.persistedQuery.sha256Hash}, looked up
 * in {@link AutomaticPersistedQueries} (any sound document its client sent once) or {@link TrustedDocuments} (the
 * operator's allow-list, whose ids need not be SHA-256 hashes). A miss is graphql-java's {@code PersistedQueryNotFound},
 * which Apollo Client answers by sending the document with its hash; classified {@code BAD_REQUEST} here, with the
 * {@code code} Apollo also reads.
 */
final class PersistedQueries extends ApolloPersistedQuerySupport {

	private final boolean hashedIds;

	private PersistedQueries(PersistedQueryCache cache, boolean hashedIds) {
		super(cache);
		this.hashedIds = hashedIds;
	}

	static PersistedQueries automatic() {
		return new PersistedQueries(new AutomaticPersistedQueries(), true);
	}

	static PersistedQueries trusted(TrustedDocuments documents) {
		return new PersistedQueries(documents, false);
	}

	/** Whether the request names its document by a hash (with or without its text). */
	static boolean requested(ExecutionInput input) {
		return input.getExtensions().get("persistedQuery") instanceof Map<?, ?> persisted
				&& persisted.get("sha256Hash") != null;
	}

	@Override
	protected boolean persistedQueryIdIsInvalid(Object persistedQueryId, String queryText) {
		return hashedIds && super.persistedQueryIdIsInvalid(persistedQueryId, queryText);
	}

	@Override
	protected PreparsedDocumentEntry mkMissingError(PersistedQueryError error) {
		String code = error instanceof PersistedQueryIdInvalid ? "PERSISTED_QUERY_ID_INVALID"
				: "PERSISTED_QUERY_NOT_FOUND";
		GraphQLError refusal = GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST)
				.message(error.getMessage()).extensions(Map.of("code", code)).build();
		return new PreparsedDocumentEntry(refusal);
	}
}
