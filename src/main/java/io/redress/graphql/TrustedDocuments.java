package io.redress.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

import graphql.ExecutionInput;
import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.execution.preparsed.persisted.PersistedQueryCache;
import graphql.execution.preparsed.persisted.PersistedQueryCacheMiss;
import graphql.execution.preparsed.persisted.PersistedQueryNotFound;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.Resource;

/**
 * The allow-list of trusted documents, read once at start-up from a manifest: only these run, named by their id or
 * sent as their exact text. The manifest is what client build tools write: Apollo's persisted query manifest
 * ({@code {"format": "apollo-persisted-query-manifest", "operations": [{"id", "body"}, …]}}) or a map of id to text
 * (GraphQL Code Generator's {@code persisted-documents.json}, Relay's {@code persisted_queries.json}). A text sent
 * with an id is ignored: the id alone decides what runs.
 */
final class TrustedDocuments implements PersistedQueryCache {

	private final Map<String, String> byId;
	private final Set<String> texts;

	private TrustedDocuments(Map<String, String> byId) {
		this.byId = Map.copyOf(byId);
		this.texts = Set.copyOf(byId.values());
	}

	static TrustedDocuments read(Resource manifest, JsonMapper json) {
		JsonNode root;
		try {
			root = json.readTree(manifest.getContentAsString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("The trusted documents' manifest " + manifest + " cannot be read", ex);
		}
		catch (JacksonException ex) {
			throw new IllegalStateException("The trusted documents' manifest " + manifest + " is not JSON", ex);
		}
		Map<String, String> byId = new HashMap<>();
		if (root.has("operations")) {
			root.get("operations").forEach(operation -> byId.put(text(operation, "id", manifest),
					text(operation, "body", manifest)));
		}
		else {
			root.properties().forEach(entry -> byId.put(entry.getKey(), entry.getValue().asString()));
		}
		if (byId.isEmpty()) {
			throw new IllegalStateException("The trusted documents' manifest " + manifest + " lists no document");
		}
		return new TrustedDocuments(byId);
	}

	private static String text(JsonNode operation, String field, Resource manifest) {
		JsonNode value = operation.get(field);
		if (value == null || !value.isString()) {
			throw new IllegalStateException("An operation of the trusted documents' manifest " + manifest
					+ " has no " + field);
		}
		return value.asString();
	}

	/** Whether this exact text is a trusted document. */
	boolean trusts(String text) {
		return texts.contains(text);
	}

	int size() {
		return byId.size();
	}

	@Override
	public CompletableFuture<PreparsedDocumentEntry> getPersistedQueryDocumentAsync(Object id, ExecutionInput input,
			PersistedQueryCacheMiss parseAndValidate) {
		String text = byId.get(id.toString());
		if (text == null) {
			throw new PersistedQueryNotFound(id);
		}
		return CompletableFuture.completedFuture(parseAndValidate.apply(text));
	}
}
