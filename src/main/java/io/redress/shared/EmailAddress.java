package io.redress.shared;

import java.util.Locale;
import java.util.Optional;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

/**
 * An e-mail address as people give it, checked by Jakarta Mail's parser (strict RFC 822): one bare address with a
 * domain, at most 254 characters, kept with its domain in lower case.
 */
public final class EmailAddress {

	public static final int MAX_LENGTH = 254;

	private EmailAddress() {
	}

	/** The address, normalised; empty when the text is not exactly one address. */
	public static Optional<String> parse(String text) {
		if (text == null) {
			return Optional.empty();
		}
		String address = text.strip();
		if (address.isEmpty() || address.length() > MAX_LENGTH || address.indexOf('<') >= 0
				|| address.indexOf(' ') >= 0) {
			return Optional.empty();
		}
		try {
			InternetAddress parsed = new InternetAddress(address, true);
			parsed.validate();
			String valid = parsed.getAddress();
			int at = valid.lastIndexOf('@');
			if (at <= 0 || valid.indexOf('.', at) < 0) {
				return Optional.empty();
			}
			return Optional.of(valid.substring(0, at) + valid.substring(at).toLowerCase(Locale.ROOT));
		}
		catch (AddressException ex) {
			return Optional.empty();
		}
	}
}
