package io.redress.testing;

import java.util.Map;

/** Settings as command-line arguments: they outrank application.yaml, unlike default properties. */
public final class CommandLine {

	private CommandLine() {
	}

	public static String[] arguments(Map<String, String> settings) {
		return settings.entrySet().stream().map(setting -> "--" + setting.getKey() + "=" + setting.getValue())
				.toArray(String[]::new);
	}
}
