package io.redress;

import java.util.Locale;

/** A required deployment setting is missing or malformed. */
class InvalidSettingException extends IllegalStateException {

	private final String property;
	private final String action;

	InvalidSettingException(String property, String problem, String action) {
		super("The setting " + property + " (environment variable " + environmentVariable(property) + ") " + problem);
		this.property = property;
		this.action = action;
	}

	String property() {
		return property;
	}

	String action() {
		return action;
	}

	static String environmentVariable(String property) {
		return property.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
	}
}
