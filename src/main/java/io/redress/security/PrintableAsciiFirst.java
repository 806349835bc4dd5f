package io.redress.security;

import java.util.function.Predicate;

/**
 * One of Spring Security's own header checks (the firewall's default for header names or for header values), asked
 * only when a text holds something other than printable ASCII. The firewall applies its check on every read of a
 * request header, a regular expression over Unicode properties each time, several times a request; the headers a
 * client sends are nearly always printable ASCII, which both of the library's checks accept (every character from
 * space to tilde is assigned and none is a control character). Any other text, a tab included, is the library's to
 * judge, so what is accepted and refused is exactly the library's default ({@code PrintableAsciiFirstTests}).
 */
record PrintableAsciiFirst(Predicate<String> libraryCheck) implements Predicate<String> {

	@Override
	public boolean test(String text) {
		return text == null || printableAscii(text) || libraryCheck.test(text);
	}

	private static boolean printableAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < ' ' || c > '~') {
				return false;
			}
		}
		return true;
	}
}
