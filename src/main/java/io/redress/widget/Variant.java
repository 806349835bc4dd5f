package io.redress.widget;

import java.util.Locale;
import java.util.Optional;

/** The widget's shape, as {@code ?variant=} or {@code data-variant} asks: card when absent. */
enum Variant {

	/** Today's card: the scale, the score out of 100, the interval in words, the count, a link. */
	CARD,
	/** A compact horizontal strip. */
	MINI,
	/** One line, for a footer. */
	MICRO,
	/** The latest resolved, rated cases, scrolling sideways. */
	CAROUSEL;

	static Optional<Variant> of(String parameter) {
		if (parameter == null || parameter.isEmpty()) {
			return Optional.of(CARD);
		}
		for (Variant variant : values()) {
			if (variant.name().toLowerCase(Locale.ROOT).equals(parameter)) {
				return Optional.of(variant);
			}
		}
		return Optional.empty();
	}

	String key() {
		return name().toLowerCase(Locale.ROOT);
	}
}
