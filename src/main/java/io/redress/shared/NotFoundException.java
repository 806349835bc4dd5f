package io.redress.shared;

/** What the caller asked for does not exist, or the caller may not know that it exists: the two look the same. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String what) {
		super(what + " not found");
	}
}
