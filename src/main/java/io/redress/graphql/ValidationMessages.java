package io.redress.graphql;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * graphql-java's validation messages quote input values as its syntax tree prints them
 * ({@code EnumValue{name='FOOD'}}, {@code ObjectValue{objectFields=[…]}}); clients get the value as they wrote it,
 * or an ellipsis for objects and lists, instead of the server's insides.
 */
final class ValidationMessages {

	private static final Pattern NODE = Pattern.compile("\\b(Enum|Int|Float|String|Boolean|Object|Array|Null)Value\\{");
	private static final Pattern SCALAR = Pattern.compile("^\\w+=(?:'(.*)'|(.*))$", Pattern.DOTALL);

	private ValidationMessages() {
	}

	static String readable(String message) {
		if (message == null || !NODE.matcher(message).find()) {
			return message;
		}
		StringBuilder readable = new StringBuilder(message.length());
		int from = 0;
		Matcher node = NODE.matcher(message);
		while (node.find(from)) {
			int end = closingBrace(message, node.end());
			if (end < 0) {
				break;
			}
			readable.append(message, from, node.start())
					.append(value(node.group(1), message.substring(node.end(), end)));
			from = end + 1;
		}
		return readable.append(message.substring(from)).toString();
	}

	private static String value(String kind, String inside) {
		return switch (kind) {
			case "Object" -> "{…}";
			case "Array" -> "[…]";
			case "Null" -> "null";
			default -> {
				Matcher scalar = SCALAR.matcher(inside);
				String text = !scalar.matches() ? "…" : scalar.group(1) != null ? scalar.group(1) : scalar.group(2);
				yield kind.equals("String") ? "\"" + text + "\"" : text;
			}
		};
	}

	/** The index of the brace closing the one opened just before {@code from}, or -1. */
	private static int closingBrace(String text, int from) {
		int depth = 1;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '{') {
				depth++;
			}
			else if (c == '}' && --depth == 0) {
				return i;
			}
		}
		return -1;
	}
}
