package io.redress.widget;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpServer;
import io.redress.ApiTest;
import io.redress.testing.BrowserScripts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** A partner page on another origin, in headless Chromium, shows the live widget and follows a rating as it commits. */
class WidgetBrowserTests extends ApiTest {

	private static final Logger log = LoggerFactory.getLogger(WidgetBrowserTests.class);

	@BeforeEach
	void browserAndNodeAreThere() {
		BrowserScripts.assumeBrowser();
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
