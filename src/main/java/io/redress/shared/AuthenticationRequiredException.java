package io.redress.shared;

/** Only a signed-in caller may do this. */
public class AuthenticationRequiredException extends RuntimeException {

	public AuthenticationRequiredException() {
		super("Sign in to do this");
	}
}
