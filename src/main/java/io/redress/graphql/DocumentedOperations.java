package io.redress.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The GraphQL operations the README runs, in the README's order. The README's examples are shell lines that call
 * its {@code gql} helper with the document in single quotes ({@code gql 'query Viewer { viewer { id } }'}); the
 * documents are read from there, so GraphiQL's example tabs and the test that validates them against the schema
 * can never drift from what the README shows.
 */
final class DocumentedOperations {

	/** A fenced shell block of the README. */
	private static final Pattern SHELL_BLOCK = Pattern.compile("(?ms)^```(?:bash|sh|shell)\\s*$(.*?)^```\\s*$");

	/**
	 * {@code gql '<document>'}, optionally followed (on the same line or after a {@code \} line break) by its variables
	 * as a quoted literal; variables the shell computes ({@code "$(jq ...)"}) are not taken.
	 */
	private static final Pattern GQL_CALL = Pattern.compile("\\bgql\\s+'([^']+)'(?:[ \\t]*(?:\\\\\\n\\s*)?'([^']*)')?");

	/** An operation's keyword and name, for a title. */
	private static final Pattern OPERATION_NAME = Pattern.compile("^\\s*(query|mutation|subscription)\\s+(\\w+)");

	private DocumentedOperations() {
	}

	/**
	 * A documented operation: its name (or its first line when anonymous), its document, and its variables as JSON
	 * when the README gives them literally (else {@code null}).
	 */
	record Operation(String name, String document, String variables) {
	}

	public static List<Operation> in(String markdown) {
		List<Operation> operations = new ArrayList<>();
		Matcher block = SHELL_BLOCK.matcher(markdown);
		while (block.find()) {
			Matcher call = GQL_CALL.matcher(block.group(1));
			while (call.find()) {
				String document = call.group(1).strip();
				operations.add(new Operation(nameOf(document), document, call.group(2)));
			}
		}
		return List.copyOf(operations);
	}

	private static String nameOf(String document) {
		Matcher name = OPERATION_NAME.matcher(document);
		return name.find() ? name.group(2) : document.lines().findFirst().orElse("").strip();
	}
}
