package io.redress.brand;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL slugs: lower-case letters and digits in words joined by single hyphens. */
final class Slugs {

	static final int MAX_LENGTH = 60;

	private static final Pattern VALID = Pattern.compile("^[a-z0-9]+(-[a-z0-9]+)*$");

	private Slugs() {
	}

	static boolean isValid(String slug) {
		return slug != null && slug.length() <= MAX_LENGTH && VALID.matcher(slug).matches();
	}

	/** A slug made from a name; empty when the name has no Latin letters or digits at all. */
	static String from(String name) {
		String plain = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
		String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		if (slug.length() > MAX_LENGTH) {
			slug = slug.substring(0, MAX_LENGTH).replaceAll("-+$", "");
		}
		return slug;
	}
}
