package io.redress.privacy;

import java.util.List;

import io.redress.shared.UserError;

/** The result of {@code eraseAccount}: erased, or why nothing was. */
record EraseAccountPayload(boolean erased, List<UserError> userErrors) {

	static EraseAccountPayload done() {
		return new EraseAccountPayload(true, List.of());
	}

	static EraseAccountPayload failed(List<UserError> errors) {
		return new EraseAccountPayload(false, List.copyOf(errors));
	}
}
