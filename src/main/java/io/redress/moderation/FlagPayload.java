package io.redress.moderation;

import java.util.List;

import io.redress.shared.UserError;

/** The result of a moderation mutation: the flag as the caller now sees it, or why nothing changed. */
record FlagPayload(Flag flag, List<UserError> userErrors) {

	static FlagPayload ok(Flag flag) {
		return new FlagPayload(flag, List.of());
	}

	static FlagPayload failed(List<UserError> errors) {
		return new FlagPayload(null, errors);
	}

	static FlagPayload failed(String field, String code, String message) {
		return failed(List.of(UserError.of(field, code, message)));
	}
}
