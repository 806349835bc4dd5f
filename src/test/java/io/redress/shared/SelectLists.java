package io.redress.shared;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The names of the columns a statement's text selects, in order, for the tests that check that a row mapper reading
 * columns by position reads them where the statement puts them: each top-level item of the select list (or of a
 * {@code RETURNING} clause) is named by its {@code AS} alias, else by its last dotted part.
 */
public final class SelectLists {

	private SelectLists() {
	}

	/** The names of a column list such as {@code "c.id, p.subject AS consumer_subject"}. */
	public static List<String> columns(String list) {
		List<String> names = new ArrayList<>();
		for (String item : topLevel(list, ',')) {
			String trimmed = item.strip();
			int as = lastTopLevelAs(trimmed);
			String name = as >= 0 ? trimmed.substring(as + 2).strip() : trimmed.substring(trimmed.lastIndexOf('.') + 1);
			names.add(name.toLowerCase(Locale.ROOT));
		}
		return names;
	}

	/** The names a statement selects: its first top-level select list, or its {@code RETURNING} list. */
	public static List<String> selected(String statement) {
		String text = statement.strip();
		String upper = text.toUpperCase(Locale.ROOT);
		int start;
		if (upper.startsWith("SELECT")) {
			start = "SELECT".length();
		}
		else {
			start = upper.lastIndexOf("RETURNING");
			if (start < 0) {
				throw new IllegalArgumentException("no select list: " + statement);
			}
			start += "RETURNING".length();
		}
		int end = topLevelWord(text, start, "FROM");
		List<String> names = columns(text.substring(start, end < 0 ? text.length() : end));
		if (end >= 0 && names.equals(List.of("*"))) {
			// SELECT * FROM (SELECT ...) alias: the columns of the statement inside, in its order
			return selected(text.substring(text.indexOf('(', end) + 1));
		}
		return names;
	}

	/** The statements a class declares as static {@code String} constants or as values of static maps. */
	public static List<String> statements(Class<?> type) {
		List<String> statements = new ArrayList<>();
		for (Field field : type.getDeclaredFields()) {
			if (!Modifier.isStatic(field.getModifiers())) {
				continue;
			}
			try {
				field.setAccessible(true);
				Object value = field.get(null);
				if (value instanceof String text) {
					statements.add(text);
				}
				else if (value instanceof Map<?, ?> map) {
					map.values().stream().filter(String.class::isInstance).map(String.class::cast).forEach(statements::add);
				}
			}
			catch (IllegalAccessException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return statements;
	}

	private static List<String> topLevel(String text, char separator) {
		List<String> parts = new ArrayList<>();
		int depth = 0;
		boolean quoted = false;
		int from = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')') {
				depth--;
			}
			else if (!quoted && depth == 0 && c == separator) {
				parts.add(text.substring(from, i));
				from = i + 1;
			}
		}
		parts.add(text.substring(from));
		return parts;
	}

	private static int lastTopLevelAs(String item) {
		int found = -1;
		int at = 0;
		while ((at = topLevelWord(item, at, "AS")) >= 0) {
			found = at;
			at += 2;
		}
		return found;
	}

	/** Where {@code word} stands on its own, outside parentheses and quotes, from {@code from}; -1 when nowhere. */
	private static int topLevelWord(String text, int from, String word) {
		int depth = 0;
		boolean quoted = false;
		for (int i = from; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\'') {
				quoted = !quoted;
			}
			else if (!quoted && c == '(') {
				depth++;
			}
			else if (!quoted && c == ')') {
				depth--;
			}
			else if (!quoted && depth == 0 && text.regionMatches(true, i, word, 0, word.length())
					&& (i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '_')
					&& (i + word.length() == text.length() || !Character.isLetterOrDigit(text.charAt(i + word.length()))
							&& text.charAt(i + word.length()) != '_')) {
				return i;
			}
		}
		return -1;
	}
}
