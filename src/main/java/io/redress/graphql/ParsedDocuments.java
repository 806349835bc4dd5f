package io.redress.graphql;

import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;

/**
 * Documents already parsed and validated, by their text: clients send the same few documents over and over, and
 * parsing and validating one again cost as much CPU as running a small query. Only sound documents are kept, as
 * error messages follow the caller's locale; the bound is on the documents' length, so a client sending a new
 * document each time only pushes others out.
 */
final class ParsedDocuments {

	/** Characters of document text kept; a parsed document takes some tens of times its text on the heap. */
	private static final long MAX_CHARACTERS = 1_000_000;

	private final Cache<String, PreparsedDocumentEntry> entries = Caffeine.newBuilder()
			.maximumWeight(MAX_CHARACTERS).weigher((String query, PreparsedDocumentEntry entry) -> query.length())
			.build();

	PreparsedDocumentEntry get(ExecutionInput input, Function<ExecutionInput, PreparsedDocumentEntry> parseAndValidate) {
		PreparsedDocumentEntry known = entries.getIfPresent(input.getQuery());
		if (known != null) {
			return known;
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(input);
		if (!entry.hasErrors()) {
			entries.put(input.getQuery(), entry);
		}
		return entry;
	}
}
