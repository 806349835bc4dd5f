package io.redress.complaint;

/** What the lifecycle says to an action: a {@link Transition}, a refusal the caller can act on, or not theirs to take. */
sealed interface Decision permits Transition, Decision.Refused, Decision.Forbidden {

	/** The action is the caller's, but the complaint's state does not allow it: a user error with this code. */
	record Refused(String code, String message) implements Decision {
	}

	/** The caller may never take this action on this complaint. */
	record Forbidden(String message) implements Decision {
	}
}
