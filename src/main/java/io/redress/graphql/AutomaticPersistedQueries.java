package io.redress.graphql;

import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import graphql.execution.preparsed.persisted.PersistedQuerySupport;

/**
 * The texts of the documents clients registered by their hash, on this node: a client whose hash another node does
 * not know simply sends the text again. Only sound documents whose hash matches their text are kept, and the bound is
 * on their length, so a stranger registering documents only pushes older ones out. Each lookup goes through the
 * parse cache ({@link ParsedDocuments}), so a known hash costs no parse either.
 */
final class AutomaticPersistedQueries implements PersistedQueryCache {

	private static final long MAX_CHARACTERS = 1_000_000;

	private final Cache<String, String> texts = Caffeine.newBuilder().maximumWeight(MAX_CHARACTERS)
			.weigher((String hash, String text) -> text.length()).build();

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(Object hash,
			ExecutionInput input, PersistedQueryCacheMiss parseAndValidate) {
		String key = hash.toString().toLowerCase(Locale.ROOT);
		String known = texts.getIfPresent(key);
		if (known != null) {
			return CompletableFuture.completedFuture(parseAndValidate.apply(known));
		}
		String sent = input.getQuery();
		if (sent == null || sent.isBlank() || sent.equals(PersistedQuerySupport.PERSISTED_QUERY_MARKER)) {
			throw new PersistedQueryNotFound(hash);
		}
		PreparsedDocumentEntry entry = parseAndValidate.apply(sent);
		if (!entry.hasErrors()) {
			texts.put(key, sent);
		}
		return CompletableFuture.completedFuture(entry);
	}
}
