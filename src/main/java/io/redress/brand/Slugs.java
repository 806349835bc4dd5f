package io.redress.brand;

import java.text.Normalizer;
import java.util.Locale;

/** URL slugs: lower-case letters and digits in words joined by single hyphens. */
final class Slugs {

	static final int MAX_LENGTH = 60;

	private Slugs() {
	}

	/**
	 * Whether a text is a slug ({@code [a-z0-9]+(-[a-z0-9]+)*}, at most {@link #MAX_LENGTH} characters). Read in one
	 * pass rather than by a regular expression: every read of a brand by its slug asks, and in a profile of those
	 * reads the expression's matcher was 0.4 % of the event loops' samples.
	 */
	static boolean isValid(String slug) {
		if (slug == null || slug.isEmpty() || slug.length() > MAX_LENGTH) {
			return false;
		}
		boolean afterHyphen = true;
		for (int i = 0; i < slug.length(); i++) {
			char c = slug.charAt(i);
			if (c == '-') {
				if (afterHyphen) {
					return false;
				}
				afterHyphen = true;
			}
			else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
				afterHyphen = false;
			}
			else {
				return false;
			}
		}
		return !afterHyphen;
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
