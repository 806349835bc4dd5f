package io.redress.shared;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the user errors of one mutation input, so a client learns of every bad field in one round trip.
 */
public final class InputCheck {

	private final List<UserError> errors = new ArrayList<>();

	/** A required text: not blank, at most {@code max} characters once trimmed, and storable. */
	public InputCheck requiredText(String field, String value, int max) {
		if (value == null || value.isBlank()) {
			errors.add(UserError.of(field, "BLANK", field + " must not be empty"));
		}
		else if (value.indexOf('\0') >= 0) {
			// PostgreSQL cannot store a NUL in text: without this check the insert fails as an internal error.
			errors.add(UserError.of(field, "INVALID", field + " must not contain NUL characters"));
		}
		else {
			tooLong(field, value, max);
		}
		return this;
	}

	/** An optional text: absent is fine, but if present it must be a non-blank text of at most {@code max}. */
	public InputCheck optionalText(String field, String value, int max) {
		return value == null ? this : requiredText(field, value, max);
	}

	/** An optional e-mail address: absent is fine, but if present it must be one address, as RFC 822 writes it. */
	public InputCheck optionalEmail(String field, String value) {
		if (value != null && EmailAddress.parse(value).isEmpty()) {
			errors.add(UserError.of(field, "INVALID_EMAIL", field + " must be one e-mail address, such as "
					+ "help@example.com"));
		}
		return this;
	}

	public InputCheck range(String field, Integer value, int min, int max) {
		if (value != null && (value < min || value > max)) {
			errors.add(UserError.of(field, "OUT_OF_RANGE", field + " must be between " + min + " and " + max));
		}
		return this;
	}

	public InputCheck add(UserError error) {
		errors.add(error);
		return this;
	}

	public boolean failed() {
		return !errors.isEmpty();
	}

	public List<UserError> errors() {
		return List.copyOf(errors);
	}

	private void tooLong(String field, String value, int max) {
		if (value.strip().codePointCount(0, value.strip().length()) > max) {
			errors.add(UserError.of(field, "TOO_LONG", field + " must be at most " + max + " characters"));
		}
	}
}
