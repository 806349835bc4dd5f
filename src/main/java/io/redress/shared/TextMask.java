package io.redress.shared;

import java.util.regex.Pattern;

/**
 * Hides contact details in public text for everyone but the participants: e-mail addresses, phone numbers and
 * card-like numbers become {@code [hidden]}. It errs on the side of hiding: an order number that looks like a phone
 * number is hidden too.
 */
public final class TextMask {

	public static final String HIDDEN = "[hidden]";

	private static final Pattern EMAIL = Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}.-]+\\.[\\p{L}]{2,}");
	/** 13 to 19 digits, optionally grouped by spaces or hyphens: the shape of a payment card number. */
	private static final Pattern CARD = Pattern.compile("\\b\\d(?:[ -]?\\d){12,18}\\b");
	/** An optional +, then 7 to 15 digits with the usual separators: the shape of a phone number. */
	private static final Pattern PHONE = Pattern.compile("(?<![\\w])\\+?\\(?\\d(?:[ ().-]{0,2}\\d){6,14}(?![\\w])");

	private TextMask() {
	}

	public static String mask(String text) {
		if (text == null || text.isEmpty()) {
			return text;
		}
		String masked = EMAIL.matcher(text).replaceAll(HIDDEN);
		masked = CARD.matcher(masked).replaceAll(HIDDEN);
		return PHONE.matcher(masked).replaceAll(HIDDEN);
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
