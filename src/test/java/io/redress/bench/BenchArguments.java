package io.redress.bench;

import java.util.HashMap;
import java.util.Map;

/** What the benchmarks read from their command lines and from the RESULT line their load generators print. */
final class BenchArguments {

	private BenchArguments() {
	}

	/** The whole number at {@code index} of a benchmark's arguments, or {@code fallback} when it is not given. */
	static int arg(String[] args, int index, int fallback) {
		return args.length > index ? Integer.parseInt(args[index]) : fallback;
	}

	/** The whole number in the environment variable {@code name}, or {@code fallback} when it is not set. */
	static int env(String name, int fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : Integer.parseInt(value.strip());
	}

	/** The {@code key=value} pairs of a load generator's {@code RESULT} line. */
	static Map<String, String> resultValues(String line) {
		Map<String, String> values = new HashMap<>();
		for (String part : line.substring("RESULT ".length()).split(" ")) {
			values.put(part.substring(0, part.indexOf('=')), part.substring(part.indexOf('=') + 1));
		}
		return values;
	}
}
