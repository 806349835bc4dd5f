package io.redress.shared;

import java.util.Locale;

/** A search text a caller typed, as a case-insensitive LIKE pattern that matches it literally. */
public final class SearchText {

	private SearchText() {
	}

	/**
	 * The pattern for {@code search}, or null when there is nothing to search for. Too long a text, or one with
	 * control characters (PostgreSQL refuses a NUL in text outright), is a bad request.
	 */
	public static String likePattern(String search, int maxLength) {
		if (search == null || search.isBlank()) {
			return null;
		}
		if (search.length() > maxLength) {
			throw new BadRequestException("search must be at most " + maxLength + " characters");
		}
		String text = search.strip();
		if (text.chars().anyMatch(Character::isISOControl)) {
			throw new BadRequestException("search must not contain control characters");
		}
		String escaped = text.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
		return "%" + escaped + "%";
	}
}
