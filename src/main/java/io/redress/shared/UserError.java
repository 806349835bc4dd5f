package io.redress.shared;

/** An expected business failure, returned as data in a mutation payload: which input field, what, and a stable code. */
public record UserError(String field, String message, String code) {

	public static UserError of(String field, String code, String message) {
		return new UserError(field, message, code);
	}
}
