package io.redress.shared;

/** An argument outside what the API accepts, such as a page size over the limit or a malformed cursor. */
public class BadRequestException extends RuntimeException {

	public BadRequestException(String message) {
		super(message);
	}
}
