package io.redress.widget;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.redress.ApiTest;
import io.redress.testing.BrowserScripts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partner pages on another origin, in headless Chromium: the live widget follows a rating as it commits; every widget
 * shape in both themes, the brand page and a complaint's page show what brand.score says and pass axe-core.
 */
class WidgetBrowserTests extends ApiTest {

	private static final Logger log = LoggerFactory.getLogger(WidgetBrowserTests.class);

	@BeforeEach
	void browserAndNodeAreThere() {
		BrowserScripts.assumeBrowser();
	}

	@Test
	void partnerPageShowsTheScoreAndUpdatesLiveWhenARatingCommits() throws Exception {
		String brand = unique("embedded");
		String agent = brandWithAnAgent(brand);
		rated(brand, agent, 5, Map.of("stars", 4, "wouldBuyAgain", true));
		String consumer = unique("consumer");
		String unrated = resolvedComplaint(consumer, brand, agent);
		awaitRatedCount(brand, 5);

		HttpServer partner = partnerSite(liveWidgets(brand));
		try {
			Map<String, String> environment = Map.of(
					"PARTNER_URL", "http://127.0.0.1:" + partner.getAddress().getPort() + "/",
					"GRAPHQL_URL", "http://localhost:" + port + "/graphql",
					"BRAND_SLUG", brand,
					"CONSUMER_TOKEN", issuer().token(consumer),
					"COMPLAINT_ID", unrated);

			BrowserScripts.Run run = BrowserScripts.run("widget-live.mjs", environment);

			assertThat(run.exitCode()).as("widget-live.mjs exits 0; its output:%n%s", run.output()).isZero();
			log.info("widget-live.mjs:\n{}", run.output());
		}
		finally {
			partner.stop(0);
		}
	}

	@Test
	void everyShapeInBothThemesShowsBrandScorePassesAxeAndIsPhotographed() throws Exception {
		String brand = unique("faces");
		String complaint = rated(brand, brandWithAnAgent(brand), 5, Map.of("stars", 4, "wouldBuyAgain", true,
				"comment", "Refunded within a day"));
		String few = unique("few");
		rated(few, brandWithAnAgent(few), 2, Map.of("stars", 3, "wouldBuyAgain", false));
		awaitRatedCount(brand, 5);
		eventually(() -> score(few), read -> Integer.valueOf(2).equals(read.get("ratedCount")));

		HttpServer partner = partnerSite(everyShape(brand, few));
		try {
			BrowserScripts.Run run = BrowserScripts.run("widget-faces.mjs", Map.of(
					"SERVER", "http://localhost:" + port,
					"PARTNER_URL", "http://127.0.0.1:" + partner.getAddress().getPort() + "/",
					"BRAND_SLUG", brand, "FEW_SLUG", few, "COMPLAINT_ID", complaint,
					"SCREENSHOTS", Path.of(System.getProperty("basedir", "."), "target", "screenshots").toString()));

			assertThat(run.exitCode()).as("widget-faces.mjs exits 0; its output:%n%s", run.output()).isZero();
			log.info("widget-faces.mjs:\n{}", run.output());
		}
		finally {
			partner.stop(0);
		}
	}

	/** Registers the brand; returns the agent its owner added to its team. */
	private String brandWithAnAgent(String brand) {
		String owner = unique("owner");
		String agent = unique("agent");
		addMember(owner, registerBrand(owner, brand), agent, "AGENT");
		return agent;
	}

	/** {@code count} complaints the agent resolved, each rated so by its consumer; returns the last one's id. */
	private String rated(String brand, String agent, int count, Map<String, Object> rating) {
		String complaint = null;
		for (int rater = 0; rater < count; rater++) {
			String consumer = unique("rater");
			complaint = resolvedComplaint(consumer, brand, agent);
			succeeds(consumer, "rateResolution", complaint, rating);
		}
		return complaint;
	}

	/** A partner page's widgets: two live ones of the brand with one tag (the live test's page). */
	private static String liveWidgets(String brand) {
		return """
				<div class="redress-widget" data-brand="%1$s" data-live="true"></div>
				<div class="redress-widget" data-brand="%1$s" data-live="true" data-theme="dark"></div>
				""".formatted(brand);
	}

	/** Every shape in both themes of the rated brand, and a card of the brand with few ratings. */
	private static String everyShape(String brand, String few) {
		StringBuilder widgets = new StringBuilder();
		for (String variant : List.of("card", "mini", "micro", "carousel")) {
			for (String theme : List.of("light", "dark")) {
				widgets.append("<div class=\"redress-widget\" data-brand=\"").append(brand).append("\" data-variant=\"")
						.append(variant).append("\" data-theme=\"").append(theme).append("\"></div>\n");
			}
		}
		return widgets.append("<div class=\"redress-widget\" data-brand=\"").append(few)
				.append("\" data-variant=\"card\" data-theme=\"light\"></div>\n").toString();
	}

	/** A partner's page on another origin (127.0.0.1, not localhost) that embeds {@code widgets} with one tag. */
	private HttpServer partnerSite(String widgets) throws IOException {
		byte[] page = """
				<!doctype html>
				<html lang="en">
				<head><meta charset="utf-8"><title>Partner</title></head>
				<body>
				<main>
				<h1>A partner's shop</h1>
				%1$s
				</main>
				<script src="http://localhost:%2$d/widgets/embed.js" async></script>
				</body>
				</html>
				""".formatted(widgets, port).getBytes(StandardCharsets.UTF_8);
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

	/** The score keeper works just after each commit; the page should open on all five ratings and a real tier. */
	private void awaitRatedCount(String brand, int ratedCount) {
		Map<?, ?> score = eventually(() -> score(brand), read -> Integer.valueOf(ratedCount).equals(read.get("ratedCount")));
		assertThat(score.get("tier")).isNotEqualTo("NOT_ENOUGH_DATA");
	}

	private Map<?, ?> score(String brand) {
		return anonymous().document("query($slug: String!) { brand(slug: $slug) { score { ratedCount tier } } }")
				.variable("slug", brand).execute().path("brand.score").entity(Map.class).get();
	}
}
