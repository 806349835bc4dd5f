package io.redress.shared;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Hides contact details in public text for everyone but the participants: e-mail addresses, phone numbers and
 * card-like numbers become {@code [hidden]}. It errs on the side of hiding: an order number or a date that looks like
 * a phone number is hidden too. Text is first brought to Unicode's compatibility form (NFKC), so full-width digits or
 * a full-width {@code @} are caught like their plain forms; the public sees that normalised text.
 */
public final class TextMask {

	public static final String HIDDEN = "[hidden]";

	/** What may stand between the digits of one number: spaces, dots, slashes, dashes, brackets, bullets. */
	private static final String SEPARATOR = "[\\s./\\\\\\-\u2010-\u2015\u2212_()\\[\\]·•*~|]";

	/**
	 * An address: a local part, "@", then dot-separated labels ending in a word of letters. Possessive quantifiers,
	 * bounded repetition and a start only where a run of address characters starts keep it linear on any input.
	 */
	private static final Pattern EMAIL = Pattern.compile("(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]++@"
			+ "[\\p{L}\\p{N}-]++(?:\\.[\\p{L}\\p{N}-]++){0,8}\\.\\p{L}{2,}");

	/** An address spelled to slip past filters: "jane (at) example (dot) com", "jane [at] example.com". */
	private static final Pattern SPELLED_EMAIL = Pattern.compile("(?<![\\p{L}\\p{N}._%+-])[\\p{L}\\p{N}._%+-]++"
			+ "\\s*+[(\\[{]\\s*+at\\s*+[)\\]}]\\s*+[\\p{L}\\p{N}-]++"
			+ "(?:(?:\\.|\\s*+[(\\[{]\\s*+dot\\s*+[)\\]}]\\s*+)[\\p{L}\\p{N}-]++){1,8}", Pattern.CASE_INSENSITIVE);

	private static final Pattern SPELLED_AT = Pattern.compile("[(\\[{]\\s*at\\s*[)\\]}]", Pattern.CASE_INSENSITIVE);

	/** 13 to 19 digits with separators between them: the shape of a payment card number. */
	private static final Pattern CARD = Pattern.compile("(?<!\\d)\\d(?:" + SEPARATOR + "{0,3}\\d){12,18}(?!\\d)");

	/**
	 * An optional +, then 7 to 15 digits with separators between them: the shape of a phone number. Letters around it
	 * do not protect it ({@code phone5551234567}); only more digits do, as a longer number is something else.
	 */
	private static final Pattern PHONE = Pattern
			.compile("(?<!\\d)(?:\\+" + SEPARATOR + "{0,2}|[(\\[])?\\d(?:" + SEPARATOR + "{0,3}\\d){6,14}(?!\\d)");

	private TextMask() {
	}

	public static String mask(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String normal = isAscii(text) || Normalizer.isNormalized(text, Normalizer.Form.NFKC) ? text
				: Normalizer.normalize(text, Normalizer.Form.NFKC);
		Shape shape = Shape.of(normal);
		if (!shape.mayHoldContactDetails()) {
			return normal;
		}
		// Each pattern runs only when the text has what any of its matches needs. "[hidden]" holds letters, which
		// end every run of digits, so a replacement never makes a longer run than the text had.
		String masked = shape.hasAt() ? EMAIL.matcher(normal).replaceAll(HIDDEN) : normal;
		masked = shape.spelledAt() ? SPELLED_EMAIL.matcher(masked).replaceAll(HIDDEN) : masked;
		masked = shape.longestNumber() >= CARD_DIGITS ? CARD.matcher(masked).replaceAll(HIDDEN) : masked;
		return shape.longestNumber() >= PHONE_DIGITS ? PHONE.matcher(masked).replaceAll(HIDDEN) : masked;
	}

	/** The same masking with every pattern run on every text: what {@link #mask} must always equal. */
	static String maskWithEveryPattern(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String normal = Normalizer.normalize(text, Normalizer.Form.NFKC);
		String masked = EMAIL.matcher(normal).replaceAll(HIDDEN);
		masked = SPELLED_EMAIL.matcher(masked).replaceAll(HIDDEN);
		masked = CARD.matcher(masked).replaceAll(HIDDEN);
		return PHONE.matcher(masked).replaceAll(HIDDEN);
	}

	/** ASCII text is in every Unicode normal form already; most text is, and needs no normaliser. */
	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	/** The fewest digits a phone number match holds. */
	private static final int PHONE_DIGITS = 7;

	/** The fewest digits a card number match holds. */
	private static final int CARD_DIGITS = 13;

	/**
	 * What one pass over the text finds: an "@", a spelled "(at)", and the longest number, counted as the patterns
	 * count it (digits with at most three separators between each two). Most text has no "@", no bracket and no
	 * number of seven digits, and is returned with no pattern run at all.
	 */
	private record Shape(boolean hasAt, boolean spelledAt, int longestNumber) {

		static Shape of(String text) {
			boolean at = false;
			boolean bracket = false;
			int longest = 0;
			int digits = 0;
			int separators = 0;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				if (c >= '0' && c <= '9') {
					digits = separators <= 3 ? digits + 1 : 1;
					separators = 0;
					longest = Math.max(longest, digits);
					continue;
				}
				if (isSeparator(c)) {
					separators++;
				}
				else {
					digits = 0;
					separators = 0;
				}
				at |= c == '@';
				bracket |= c == '(' || c == '[' || c == '{';
			}
			return new Shape(at, bracket && SPELLED_AT.matcher(text).find(), longest);
		}

		boolean mayHoldContactDetails() {
			return hasAt || spelledAt || longestNumber >= PHONE_DIGITS;
		}

		/** The characters of {@link #SEPARATOR}, one by one. */
		private static boolean isSeparator(char c) {
			return switch (c) {
				case ' ', '\t', '\n', '\u000B', '\f', '\r', '.', '/', '\\', '-', '\u2212', '_', '(', ')', '[', ']', '\u00B7',
						'\u2022', '*', '~', '|' -> true;
				default -> c >= '\u2010' && c <= '\u2015';
			};
		}
	}

	/**
	 * The text masked for good, to be stored: at most {@code maxLength} characters (code points), as its column holds,
	 * since {@code [hidden]} can be longer than what it hides.
	 */
	public static String maskToStore(String text, int maxLength) {
		String masked = mask(text);
		if (masked == null || masked.codePointCount(0, masked.length()) <= maxLength) {
			return masked;
		}
		return masked.substring(0, masked.offsetByCodePoints(0, maxLength));
	}
}
