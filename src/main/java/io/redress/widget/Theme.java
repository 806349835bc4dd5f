package io.redress.widget;

import java.util.Locale;
import java.util.Optional;

/** Light or dark, as a partner page asks with {@code ?theme=} or {@code data-theme}. */
enum Theme {

	LIGHT("#ffffff", "#1f2328", "#d0d7de"), DARK("#0d1117", "#f0f6fc", "#3d444d");

	final String background;
	final String text;
	final String border;

	Theme(String background, String text, String border) {
		this.background = background;
		this.text = text;
		this.border = border;
	}

	/** The theme's class in the style sheet. */
	String key() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** The theme a query parameter names; light when absent, empty when it names none. */
	static Optional<Theme> of(String parameter) {
		if (parameter == null || parameter.isEmpty() || parameter.equals("light")) {
			return Optional.of(LIGHT);
		}
		return parameter.equals("dark") ? Optional.of(DARK) : Optional.empty();
	}
}
