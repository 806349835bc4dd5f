package io.redress.testing;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The browser tests' scripts in {@code src/test/browser}: Node programs that drive Debian's Chromium with
 * {@code playwright-core}, or use client libraries from npm without a browser. Without Chromium (when a script needs
 * it) or Node such a test is skipped, unless {@code CI=true} or {@code REDRESS_BROWSER_TESTS=required}, where it
 * fails instead.
 */
public final class BrowserScripts {

	private static final Path SCRIPTS = Path.of(System.getProperty("basedir", ".")).resolve("src/test/browser");
	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
	private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
	private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
	/** What package.json asks for; a node_modules without one of them was installed for an older list. */
	private static final List<String> PACKAGES = List.of("playwright-core", "axe-core", "@apollo/client", "graphql",
			"rxjs");

	private BrowserScripts() {
	}

	/** Skips the calling test (or fails it on CI) when Chromium or Node is missing. */
	public static void assumeBrowser() {
		assume(true);
	}

	/** Skips the calling test (or fails it on CI) when Node is missing: for scripts that need no browser. */
	public static void assumeNode() {
		assume(false);
	}

	private static void assume(boolean chromium) {
		List<String> missing = new ArrayList<>();
		if (chromium && !Files.isExecutable(Path.of(CHROMIUM))) {
			missing.add("Chromium at " + CHROMIUM);
		}
		for (String tool : List.of("node", "npm")) {
			if (!onPath(tool)) {
				missing.add(tool + " on the PATH");
			}
		}
		if (missing.isEmpty()) {
			return;
		}
		String message = "The test needs " + String.join(", ", missing);
		if ("true".equals(System.getenv("CI")) || "required".equals(System.getenv("REDRESS_BROWSER_TESTS"))) {
			fail(message);
		}
		Assumptions.abort(message + ". To run it: install Node 20, and for a browser test apt-get install chromium "
				+ "(or set CHROMIUM to its path); CI=true or REDRESS_BROWSER_TESTS=required makes their absence a "
				+ "failure.");
	}

	/** Runs {@code node script} with {@code environment} and the Chromium to use ({@code CHROMIUM}). */
	public static Run run(String script, Map<String, String> environment) throws Exception {
		installScriptDependencies();
		Map<String, String> all = new HashMap<>(environment);
		all.put("CHROMIUM", CHROMIUM);
		return run(RUN_TIMEOUT, all, "node", script);
	}

	/** node_modules is not committed; npm ci installs exactly what package-lock.json says. */
	private static synchronized void installScriptDependencies() throws Exception {
		if (PACKAGES.stream().allMatch(name -> Files.isDirectory(SCRIPTS.resolve("node_modules").resolve(name)))) {
			return;
		}
		Run install = run(INSTALL_TIMEOUT, Map.of(), "npm", "ci", "--no-audit", "--no-fund");
		assertThat(install.exitCode()).as("npm ci in %s; its output:%n%s", SCRIPTS, install.output()).isZero();
	}

	private static Run run(Duration timeout, Map<String, String> environment, String... command) throws Exception {
		File output = File.createTempFile("redress-browser-", ".log");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).directory(SCRIPTS.toFile())
					.redirectErrorStream(true).redirectOutput(output);
			builder.environment().putAll(environment);
			Process process = builder.start();
			if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
				process.descendants().forEach(ProcessHandle::destroyForcibly);
				process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
				fail("%s did not finish in %s; its output:%n%s", String.join(" ", command), timeout,
						Files.readString(output.toPath()));
			}
			return new Run(process.exitValue(), Files.readString(output.toPath()));
		}
		finally {
			Files.deleteIfExists(output.toPath());
		}
	}

	private static boolean onPath(String tool) {
		String path = System.getenv("PATH");
		if (path == null) {
			return false;
		}
		for (String directory : path.split(File.pathSeparator)) {
			if (!directory.isEmpty() && Files.isExecutable(Path.of(directory, tool))) {
				return true;
			}
		}
		return false;
	}

	/** What a script did: its exit code (0 is success) and everything it printed. */
	public record Run(int exitCode, String output) {
	}
}
