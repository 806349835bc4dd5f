package io.redress.widget;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages widgets and pages speak, and which one a request gets: the one {@code ?locale=} (or
 * {@code data-locale}) names, else the best of the browser's {@code Accept-Language}, else English.
 */
final class Languages {

	static final Locale ENGLISH = Locale.ENGLISH;

	static final List<Locale> SUPPORTED = List.of(ENGLISH, Locale.forLanguageTag("pt-BR"), Locale.forLanguageTag("es"),
			Locale.GERMAN, Locale.FRENCH);

	private Languages() {
	}

	/** The language {@code parameter} names ("pt" and "pt-BR" alike, "de-AT" as "de"); empty when none fits. */
	static Optional<Locale> named(String parameter) {
		if (parameter == null || parameter.isEmpty() || parameter.length() > 35) {
			return Optional.empty();
		}
		return best(parameter);
	}

	/** The language a request gets: the one it names, else its Accept-Language's best, else English. */
	static Locale of(String parameter, String acceptLanguage) {
		return named(parameter).or(() -> acceptLanguage == null || acceptLanguage.length() > 500 ? Optional.empty()
				: best(acceptLanguage)).orElse(ENGLISH);
	}

	private static Optional<Locale> best(String ranges) {
		try {
			List<Locale.LanguageRange> parsed = Locale.LanguageRange.parse(ranges);
			Locale exact = Locale.lookup(parsed, SUPPORTED);
			if (exact != null) {
				return Optional.of(exact);
			}
			return Locale.filter(parsed, SUPPORTED).stream().findFirst();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}
}
