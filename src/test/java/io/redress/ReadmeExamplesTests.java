package io.redress;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.redress.testing.TestDatabase;
import io.redress.testing.TestIssuer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * The README's examples, run as a reader runs them: every bash block that uses its {@code gql} and {@code as} helpers,
 * in order, in one bash shell, against the dev server (demo data, local issuer) on a fresh database, with the README's
 * addresses replaced by this server's. Every GraphQL response must be data without errors or user errors, except the
 * user errors a block announces with "expected user error CODE". Then they run again on the same data, as a reader may.
 */
class ReadmeExamplesTests {

	private static final Path PROJECT = Path.of(System.getProperty("basedir", "."));
	private static final String README_SERVER = "http://localhost:8080";
	private static final String README_ISSUER = "http://127.0.0.1:9000";
	private static final Duration RUN_TIMEOUT = Duration.ofMinutes(2);
	private static final Duration DEMO_DATA_TIMEOUT = Duration.ofSeconds(30);

	private static final Pattern SHELL_BLOCK = Pattern.compile("(?ms)^```(?:bash|sh|shell)\\s*$(.*?)^```\\s*$");
	/** The README's other shell blocks build, benchmark or deploy; the examples are those using its helpers. */
	private static final Pattern USES_HELPERS = Pattern.compile("(?m)\\bgql\\b|^as[\\s(]");
	private static final Pattern DEFINES_GQL = Pattern.compile("(?m)^gql\\(\\)");
	private static final Pattern GQL_CALL = Pattern.compile("\\bgql\\s+'");
	private static final Pattern EXPECTED_USER_ERROR = Pattern.compile("expected user error ([A-Z_]+)");

	/**
	 * Once the README has defined {@code gql}, wraps it to append every response to {@code $RESPONSES}: most examples
	 * pipe the response into jq, out of the test's sight.
	 */
	private static final String RECORD_RESPONSES = """
			eval "readme_$(declare -f gql)"
			gql() { readme_gql "$@" | tee -a "$RESPONSES"; }
			""";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void devServerPrintsTheReadmesTokenCommand() {
		assertThat(readme()).contains(DevWelcome.tokenCommand(README_ISSUER, "alice"));
	}

	@Test
	void readmeExamplesRunInOrderWithoutErrorsAndRunAgainOnTheSameData(@TempDir Path directory) throws Exception {
		bashCurlAndJqAreThere();
		List<String> examples = examples(readme());
		assertThat(examples).as("bash blocks of the README that use gql or as").isNotEmpty();
		TestDatabase database = TestDatabase.shared()
				.withFreshDatabase("redress_readme_" + ProcessHandle.current().pid());
		try (TestIssuer issuer = TestIssuer.start(0); ConfigurableApplicationContext server = RedressDevApplication
				.start(database, issuer, "--server.port=0")) {
			awaitDemoData(server.getBean(DatabaseClient.class));
			String port = server.getEnvironment().getProperty("local.server.port");
			String script = script(examples, "http://localhost:" + port, issuer.issuerUri());

			for (String run : List.of("first-run", "second-run")) {
				Run result = run(script, Files.createDirectory(directory.resolve(run)));
				assertThat(problems(examples, result)).as("%s; its output:%n%s", run, result.stdout()).isEmpty();
			}
		}
	}

	private static List<String> examples(String readme) {
		List<String> examples = new ArrayList<>();
		Matcher block = SHELL_BLOCK.matcher(readme);
		while (block.find()) {
			if (USES_HELPERS.matcher(block.group(1)).find()) {
				examples.add(block.group(1));
			}
		}
		return examples;
	}

	/** One script of all examples; before each, a marker in $RESPONSES says whose responses follow. */
	private static String script(List<String> examples, String server, String issuer) {
		StringBuilder script = new StringBuilder();
		for (int i = 0; i < examples.size(); i++) {
			String example = examples.get(i);
			script.append("echo '### ").append(i).append("' >> \"$RESPONSES\"\n")
					.append(example.replace(README_SERVER, server).replace(README_ISSUER, issuer));
			if (DEFINES_GQL.matcher(example).find()) {
				script.append(RECORD_RESPONSES);
			}
		}
		return script.toString();
	}

	private static List<String> problems(List<String> examples, Run run) {
		List<String> problems = new ArrayList<>();
		if (run.exitCode() != 0 || !run.stderr().isBlank()) {
			problems.add("bash exited with " + run.exitCode() + ", stderr:\n" + run.stderr());
		}
		for (int i = 0; i < examples.size(); i++) {
			String example = examples.get(i);
			List<String> responses = run.responses().getOrDefault(i, List.of());
			long calls = GQL_CALL.matcher(example).results().count();
			if (responses.size() != calls) {
				problems.add(calls + " gql calls, " + responses.size() + " responses in:\n" + example);
			}
			Set<String> userErrors = new TreeSet<>();
			for (String response : responses) {
				problems.addAll(errorsIn(response, userErrors).stream().map(problem -> problem + " in:\n" + example)
						.toList());
			}
			Set<String> expected = new TreeSet<>(EXPECTED_USER_ERROR.matcher(example).results()
					.map(match -> match.group(1)).toList());
			if (!userErrors.equals(expected)) {
				problems.add("user errors " + userErrors + ", expected " + expected + " in:\n" + example);
			}
		}
		if (examples.stream().anyMatch(example -> example.contains("text/event-stream"))) {
			List<String> events = run.stdout().lines().filter(line -> line.startsWith("data:"))
					.map(line -> line.substring("data:".length())).toList();
			if (events.isEmpty()) {
				problems.add("the Server-Sent Events example received no event; output:\n" + run.stdout());
			}
			events.forEach(event -> problems.addAll(errorsIn(event, new TreeSet<>())));
		}
		return problems;
	}

	/** What is wrong with one GraphQL response; collects the codes of its user errors. */
	private static List<String> errorsIn(String response, Set<String> userErrorCodes) {
		JsonNode json;
		try {
			json = JSON.readTree(response);
		}
		catch (JacksonException ex) {
			return List.of("not a GraphQL response: \"" + response + "\"");
		}
		if (json == null || !json.path("data").isObject() || json.has("errors")) {
			return List.of("errors, or no data: " + response);
		}
		json.path("data").forEach(field -> field.path("userErrors")
				.forEach(error -> userErrorCodes.add(error.path("code").asString())));
		return List.of();
	}

	/** DemoData writes once the server is ready, in the background; the events come last. */
	private static void awaitDemoData(DatabaseClient db) throws InterruptedException {
		long deadline = System.nanoTime() + DEMO_DATA_TIMEOUT.toNanos();
		while (db.sql("SELECT count(*) AS events FROM events").map(row -> row.get("events", Long.class)).one()
				.block() == 0) {
			assertThat(System.nanoTime()).as("demo data written within %s", DEMO_DATA_TIMEOUT).isLessThan(deadline);
			Thread.sleep(200);
		}
	}

	private static Run run(String script, Path directory) throws IOException, InterruptedException {
		Path scriptFile = Files.writeString(directory.resolve("examples.sh"), script);
		Path responses = directory.resolve("responses");
		File stdout = directory.resolve("stdout").toFile();
		File stderr = directory.resolve("stderr").toFile();
		ProcessBuilder builder = new ProcessBuilder("bash", scriptFile.toString()).directory(directory.toFile())
				.redirectOutput(stdout).redirectError(stderr);
		// A reader's shell starts without a token; nothing of the developer's shell set-up runs.
		builder.environment().keySet().removeAll(List.of("TOKEN", "BASH_ENV", "ENV"));
		builder.environment().put("RESPONSES", responses.toString());
		Process process = builder.start();
		if (!process.waitFor(RUN_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
			process.descendants().forEach(ProcessHandle::destroyForcibly);
			process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
			fail("The README examples did not finish in %s; output:%n%s%n%s", RUN_TIMEOUT,
					Files.readString(stdout.toPath()), Files.readString(stderr.toPath()));
		}
		return new Run(process.exitValue(), Files.readString(stdout.toPath()), Files.readString(stderr.toPath()),
				responsesByExample(responses));
	}

	/** The lines of $RESPONSES by example: each gql call appends one line, a marker starts each example. */
	private static Map<Integer, List<String>> responsesByExample(Path responses) throws IOException {
		Map<Integer, List<String>> byExample = new HashMap<>();
		if (!Files.exists(responses)) {
			return byExample;
		}
		int example = -1;
		for (String line : Files.readAllLines(responses)) {
			if (line.startsWith("### ")) {
				example = Integer.parseInt(line.substring(4));
			}
			else {
				byExample.computeIfAbsent(example, key -> new ArrayList<>()).add(line);
			}
		}
		return byExample;
	}

	private static void bashCurlAndJqAreThere() {
		List<String> missing = Stream.of("bash", "curl", "jq").filter(tool -> !onPath(tool)).toList();
		if (missing.isEmpty()) {
			return;
		}
		String message = "The README examples need " + String.join(", ", missing) + " on the PATH";
		if ("true".equals(System.getenv("CI"))) {
			fail(message);
		}
		Assumptions.abort(message + "; with CI=true their absence is a failure");
	}

	private static boolean onPath(String tool) {
		String path = System.getenv("PATH");
		return path != null && Stream.of(path.split(File.pathSeparator))
				.anyMatch(directory -> !directory.isEmpty() && Files.isExecutable(Path.of(directory, tool)));
	}

	private static String readme() {
		try {
			return Files.readString(PROJECT.resolve("README.md"));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Run(int exitCode, String stdout, String stderr, Map<Integer, List<String>> responses) {
	}
}
