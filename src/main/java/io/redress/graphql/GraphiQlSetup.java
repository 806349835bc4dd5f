package io.redress.graphql;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What the GraphiQL page is told when it opens: where GraphQL answers over HTTP and over graphql-ws, where a dev
 * server hands out demo users' tokens (none in production), and the README's example operations as its first tabs.
 *
 * @param endpoint the GraphQL-over-HTTP path
 * @param subscriptions the graphql-ws path, or {@code null} when the server has no WebSocket endpoint
 * @param signIn the dev server's demo sign-in path, or {@code null}
 * @param storageNamespace where the page keeps its tabs in the browser: a new set of examples opens fresh tabs
 * @param examples the README's operations, in the README's order
 */
record GraphiQlSetup(String endpoint, String subscriptions, String signIn, String storageNamespace,
		List<Example> examples) {

	/** A plain absolute path: safe to write into the page and to resolve against its origin. */
	private static final Pattern PATH = Pattern.compile("^(/[A-Za-z0-9._~-]+)+$");

	/** One example tab: the operation's name (for people), its document and its variables (what GraphiQL opens). */
	record Example(String name, String query, String variables) {
	}

	static GraphiQlSetup of(List<DocumentedOperations.Operation> operations, String endpoint, String subscriptions,
			String signIn) {
		List<Example> examples = operations.stream()
				.map(operation -> new Example(operation.name(), operation.document(), operation.variables())).toList();
		return new GraphiQlSetup(path("spring.graphql.http.path", endpoint),
				subscriptions == null ? null : path("spring.graphql.websocket.path", subscriptions),
				signIn == null || signIn.isBlank() ? null : path("redress.dev.graphiql-sign-in", signIn),
				"graphiql-" + ServedFile.digest(examples.toString()).substring(0, 12), examples);
	}

	/** A setting that names a path of this server, checked, since the page uses it as it is. */
	static String path(String setting, String value) {
		if (value == null || !PATH.matcher(value).matches()) {
			throw new IllegalStateException("GraphiQL needs " + setting + " to be a path such as /graphql, not "
					+ (value == null ? "nothing" : "'" + value + "'"));
		}
		return value;
	}
}
