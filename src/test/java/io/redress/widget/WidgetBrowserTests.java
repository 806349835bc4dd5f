package io.redress.widget;

import java.io.File;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.redress.ApiTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** A partner page on another origin, in headless Chromium, shows the live widget and follows a rating as it commits. */
class WidgetBrowserTests extends ApiTest {

	private static final Logger log = LoggerFactory.getLogger(WidgetBrowserTests.class);

	private static final Path SCRIPTS = Path.of(System.getProperty("basedir", ".")).resolve("src/test/browser");
	private static final Duration RUN_TIMEOUT = Duration.ofSeconds(90);
	private static final Duration INSTALL_TIMEOUT = Duration.ofMinutes(3);
	private static final String CHROMIUM = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");

	@BeforeEach
	void browserAndNodeAreThere() {
		List<String> missing = new ArrayList<>();
		if (!Files.isExecutable(Path.of(CHROMIUM))) {
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
		String message = "The browser test needs " + String.join(", ", missing);
		if ("true".equals(System.getenv("CI")) || "required".equals(System.getenv("REDRESS_BROWSER_TESTS"))) {
			fail(message);
		}
		Assumptions.abort(message + ". To run it: apt-get install chromium (or set CHROMIUM to its path) and "
				+ "install Node 20; CI=true or REDRESS_BROWSER_TESTS=required makes its absence a failure.");
	}

	@Test
	void partnerPageShowsTheScoreAndUpdatesLiveWhenARatingCommits() throws Exception {
		String brand = unique("embedded");
		String owner = unique("owner");
		String agent = unique("agent");
		addMember(owner, registerBrand(owner, brand), agent, "AGENT");
		for (int rater = 0; rater < 5; rater++) {
			String consumer = unique("rater");
			succeeds(consumer, "rateResolution", resolvedComplaint(consumer, brand, agent),
					Map.of("stars", 4, "wouldBuyAgain", true));
		}
		String consumer = unique("consumer");
		String unrated = resolvedComplaint(consumer, brand, agent);
		awaitRatedCount(brand, 5);

		HttpServer partner = partnerSite(brand);
		try {
			installScriptDependencies();
			Map<String, String> environment = Map.of(
					"PARTNER_URL", "http://127.0.0.1:" + partner.getAddress().getPort() + "/",
					"GRAPHQL_URL", "http://localhost:" + port + "/graphql",
					"BRAND_SLUG", brand,
					"CONSUMER_TOKEN", issuer().token(consumer),
					"COMPLAINT_ID", unrated,
					"CHROMIUM", CHROMIUM);

			Run run = run(RUN_TIMEOUT, environment, "node", "widget-live.mjs");

			assertThat(run.exitCode()).as("widget-live.mjs exits 0; its output:%n%s", run.output()).isZero();
			log.info("widget-live.mjs:\n{}", run.output());
		}
		finally {
			partner.stop(0);
		}
	}

	/** A partner's page: another origin (127.0.0.1, not localhost) that embeds two live widgets of the brand with one tag. */
	private HttpServer partnerSite(String brand) throws IOException {
		byte[] page = """
				<!doctype html>
				<html lang="en">
				<head><meta charset="utf-8"><title>Partner</title></head>
				<body>
				<h1>A partner's shop</h1>
				<div class="redress-widget" data-brand="%1$s" data-live="true"></div>
				<div class="redress-widget" data-brand="%1$s" data-live="true" data-theme="dark"></div>
				<script src="http://localhost:%2$d/widgets/embed.js" async></script>
				</body>
				</html>
				""".formatted(brand, port).getBytes(StandardCharsets.UTF_8);
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		server.createContext("/", exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		server.start();
		return server;
	}

	/** node_modules is not committed; npm ci installs exactly what package-lock.json says. */
	private static void installScriptDependencies() throws Exception {
		if (Files.isDirectory(SCRIPTS.resolve("node_modules/playwright-core"))) {
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

	/** The score keeper works just after each commit; the page should open on all five ratings and a real tier. */
	private void awaitRatedCount(String brand, int ratedCount) {
		Map<?, ?> score = eventually(() -> score(brand), read -> Integer.valueOf(ratedCount).equals(read.get("ratedCount")));
		assertThat(score.get("tier")).isNotEqualTo("NOT_ENOUGH_DATA");
	}

	private Map<?, ?> score(String brand) {
		return anonymous().document("query($slug: String!) { brand(slug: $slug) { score { ratedCount tier } } }")
				.variable("slug", brand).execute().path("brand.score").entity(Map.class).get();
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

	private record Run(int exitCode, String output) {
	}
}
