package io.redress.graphql;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import graphql.ExecutionInput;
import graphql.GraphqlErrorBuilder;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.language.OperationDefinition;

import org.springframework.graphql.execution.ErrorType;

/**
 * Finds the parsed and validated document of a request: its text, or the document its persisted-query hash names;
 * with trusted documents, only one of those. A request sent by GET ({@link #READ_ONLY} in its context) may run a
 * query only, never a mutation or a subscription, whatever its hash names.
 */
final class DocumentLookup {

	/** Set in the GraphQL context of a request that must not change anything (it came by GET). */
	static final String READ_ONLY = DocumentLookup.class.getName() + ".READ_ONLY";

	/** The {@code code} of a refused mutation or subscription by GET; {@link QueriesByGet} answers it 405. */
	static final String POST_REQUIRED = "POST_REQUIRED";

	private final ParsedDocuments parsed = new ParsedDocuments();
	private final PersistedQueries persisted;
	private final TrustedDocuments trusted;

	private DocumentLookup(PersistedQueries persisted, TrustedDocuments trusted) {
		this.persisted = persisted;
		this.trusted = trusted;
	}

	/** Any sound document runs, and clients may register theirs by hash (automatic persisted queries). */
	static DocumentLookup open() {
		return new DocumentLookup(PersistedQueries.automatic(), null);
	}

	/** Only the trusted documents run. */
	static DocumentLookup trusting(TrustedDocuments documents) {
		return new DocumentLookup(PersistedQueries.trusted(documents), documents);
	}

	CompletableFuture<PreparsedDocumentEntry> get(ExecutionInput input,
			Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		if (trusted != null && !PersistedQueries.requested(input) && !trusted.trusts(input.getQuery())) {
			return CompletableFuture.completedFuture(refusal(ErrorType.BAD_REQUEST, "TRUSTED_DOCUMENT_REQUIRED",
					"Only trusted documents run on this server: send a registered document's id as "
							+ "extensions.persistedQuery.sha256Hash"));
		}
		return persisted.getDocumentAsync(input, sent -> parsed.get(sent, parseAndValidate))
				.thenApply(entry -> readOnly(input) && changesSomething(entry, input.getOperationName())
						? refusal(ErrorType.BAD_REQUEST, POST_REQUIRED,
								"A GET request runs a query only: send mutations and subscriptions by POST")
						: entry);
	}

	private static boolean readOnly(ExecutionInput input) {
		return Boolean.TRUE.equals(input.getGraphQLContext().get(READ_ONLY));
	}

	/** Whether the operation to run is anything but a query; an unknown name is left for execution to refuse. */
	private static boolean changesSomething(PreparsedDocumentEntry entry, String operationName) {
		if (entry.hasErrors()) {
			return false;
		}
		return entry.getDocument().getDefinitionsOfType(OperationDefinition.class).stream()
				.filter(operation -> operationName == null || operationName.equals(operation.getName()))
				.anyMatch(operation -> operation.getOperation() != OperationDefinition.Operation.QUERY);
	}

	private static PreparsedDocumentEntry refusal(ErrorType type, String code, String message) {
		return new PreparsedDocumentEntry(GraphqlErrorBuilder.newError().errorType(type).message(message)
				.extensions(Map.of("code", code)).build());
	}
}
