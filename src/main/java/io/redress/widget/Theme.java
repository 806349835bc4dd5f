package io.redress.widget;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** Light or dark, as a partner page asks with {@code ?theme=}. */
enum Theme {

	LIGHT("#ffffff", "#1f2328", "#d0d7de", "#59636e"), DARK("#0d1117", "#f0f6fc", "#3d444d", "#9198a1");

	final String background;
	final String text;
	final String border;
	final String muted;

	Theme(String background, String text, String border, String muted) {
		this.background = background;
		this.text = text;
		this.border = border;
		this.muted = muted;
	}

	/** One value for each theme, made once. */
	static <V> Map<Theme, V> each(Function<Theme, V> value) {
		Map<Theme, V> byTheme = new EnumMap<>(Theme.class);
		for (Theme theme : values()) {
			byTheme.put(theme, value.apply(theme));
		}
		return byTheme;
	}

	/** The theme a query parameter names; light when absent, empty when it names none. */
	static Optional<Theme> of(String parameter) {
		if (parameter == null || parameter.isEmpty() || parameter.equals("light")) {
			return Optional.of(LIGHT);
		}
		return parameter.equals("dark") ? Optional.of(DARK) : Optional.empty();
	}
}
