package io.redress.widget;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import javax.imageio.ImageIO;

import io.redress.ApiTest;
import io.redress.shared.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The public face as a shopper meets it: the brand page every widget links to, a complaint's own page, the widget
 * shapes, in the shopper's language.
 */
class PublicPagesTests extends ApiTest {

	private String brand;
	private String agent;

	@BeforeEach
	void brandWithAnAgent() {
		brand = unique("face");
		agent = unique("agent");
		String owner = unique("owner");
		addMember(owner, registerBrand(owner, brand), agent, "AGENT");
	}

	@Test
	void brandPageExplainsTheScoreInWordsWithItsTrendTimesComplaintsAndSearchMarkup() {
		rateFive();
		String answered = fileComplaint(unique("consumer"), brand, "Wrong size", "Sent a small instead of a large");
		post(agent, answered, "Sorry about that, call us on +1 555 123 4567", "PUBLIC");
		post(agent, answered, "Private: your refund id is R-77", "PRIVATE");

		String page = eventually(() -> body(get("/brands/" + brand).expectStatus().isOk()
				.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)), read -> read.contains("Answer from"));

		assertThat(page).contains("<h1>" + brand + "</h1>", "Registered brand, not yet verified", "out of 100",
				"Likely between", "5 rated complaints", "Resolves ", "typically answers in", "What the score is made of",
				"Score over the last 12 months", "<svg viewBox=", "Median first response", "Median time to resolution",
				"Latest public complaints", "href=\"/complaints/", "Resolved", "★★★★☆", "[hidden]",
				"Moderation ledger", "Nothing was removed or held under review.")
				.doesNotContain("555 123 4567", "R-77", "bob@example.com", "Resolutions that held");
		assertThat(page).contains("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\","
				+ "\"@type\":\"Organization\",\"name\":\"" + brand + "\"")
				.contains("\"aggregateRating\":{\"@type\":\"AggregateRating\",\"ratingValue\":")
				.contains("\"bestRating\":100,\"worstRating\":0,\"ratingCount\":5}");
		assertThat(page).contains("<meta property=\"og:image\" content=\"http://localhost:" + port + "/widgets/"
				+ brand + "/badge.png?locale=en\">", "<meta name=\"twitter:card\" content=\"summary_large_image\">",
				"<meta property=\"og:title\" content=\"" + brand + " · Resolution Score on Redress\">");
		// Nothing from elsewhere, and nothing that runs.
		assertThat(page).doesNotContain(" src=", "<link rel=\"stylesheet", "<script>", "<script src");
	}

	@Test
	void publicPagesAreCacheableSetNoCookiesAndRunNoScript() {
		for (String path : java.util.List.of("/brands/" + brand, "/complaints/" + fileComplaint(unique("consumer"),
				brand, "Late parcel", "Two weeks late"))) {
			EntityExchangeResult<byte[]> result = get(path).expectStatus().isOk().expectBody().returnResult();
			HttpHeaders headers = result.getResponseHeaders();
			assertThat(headers.getFirst("Content-Security-Policy")).as(path).contains("default-src 'none'")
					.contains("frame-ancestors 'none'").doesNotContain("script-src");
			assertThat(headers.getCacheControl()).as(path).contains("public");
			assertThat(headers.get(HttpHeaders.SET_COOKIE)).as(path).isNull();
			assertThat(headers.getFirst(HttpHeaders.VARY)).as(path).contains(HttpHeaders.ACCEPT_LANGUAGE);
			http().get().uri(path).header(HttpHeaders.IF_NONE_MATCH, headers.getETag()).exchange()
					.expectStatus().isNotModified();
		}
	}

	@Test
	void underFiveRatingsNoWidgetShowsANumberButHowManyRatingsThereAre() {
		for (String variant : new String[] {"card", "mini", "micro", "carousel"}) {
			String card = body(get("/widgets/" + brand + "?variant=" + variant).expectStatus().isOk());
			assertThat(card).as(variant).contains("Not enough ratings yet (0 of 5)").doesNotContain("class=\"value")
					.doesNotContain("50.0");
		}
		String page = body(get("/brands/" + brand).expectStatus().isOk());
		assertThat(page).contains("Not enough ratings yet (0 of 5)").doesNotContain("aggregateRating");
	}

	@Test
	void everyShapeLinksToTheBrandPageAndScoreJsonCarriesTheViewEmbedJsDraws() {
		for (String variant : new String[] {"card", "mini", "micro", "carousel"}) {
			assertThat(body(get("/widgets/" + brand + "?variant=" + variant).expectStatus().isOk())).as(variant)
					.contains("href=\"/brands/" + brand + "\"");
		}
		assertThat(body(get("/widgets/" + brand + "/score.json?variant=mini&locale=fr").expectStatus().isOk()))
				.contains("\"locale\":\"fr\"").contains("\"view\":{\"t\":\"div\",\"c\":\"mini\"")
				.contains("Pas encore assez de notes (0 sur 5)");
	}

	@Test
	void carouselShowsTheLatestResolvedRatedCasesWithTheirCommentsMasked() {
		rateFive();

		String carousel = eventually(() -> body(get("/widgets/" + brand + "?variant=carousel").expectStatus().isOk()),
				read -> read.contains("class=\"case\""));

		assertThat(carousel).contains("Latest resolved cases", "role=\"img\" aria-label=\"4 of 5 stars\"",
				"“Quick refund, write to me at [hidden]”", "Would buy again", "Resolved by " + brand)
				.doesNotContain("bob@example.com");
	}

	@Test
	void widgetsAndPagesSpeakTheVisitorsLanguage() {
		assertThat(body(get("/widgets/" + brand + "?locale=de").expectStatus().isOk()
				.expectHeader().valueEquals(HttpHeaders.CONTENT_LANGUAGE, "de")))
				.contains("<html lang=\"de\">", "Noch nicht genug Bewertungen (0 von 5)");
		assertThat(body(http().get().uri("/widgets/" + brand).header(HttpHeaders.ACCEPT_LANGUAGE, "fr-CH, fr;q=0.9")
				.exchange().expectStatus().isOk())).contains("Pas encore assez de notes (0 sur 5)");
		assertThat(body(get("/widgets/" + brand + "?locale=pt").expectStatus().isOk()))
				.contains("<html lang=\"pt-BR\">", "Ainda não há avaliações suficientes (0 de 5)");
		assertThat(body(get("/brands/" + brand + "?locale=es").expectStatus().isOk()))
				.contains("Últimas quejas públicas");
		// A language nobody speaks here falls back to English.
		assertThat(body(get("/widgets/" + brand + "?locale=xx").expectStatus().isOk()))
				.contains("Not enough ratings yet (0 of 5)");
	}

	@Test
	void numbersAreWrittenAsTheLanguageWritesThem() {
		rateFive();
		Map<?, ?> score = eventually(() -> anonymous().document("query($slug: String!) { brand(slug: $slug) { score { value ratedCount } } }")
				.variable("slug", brand).execute().path("brand.score").entity(Map.class).get(),
				read -> Integer.valueOf(5).equals(read.get("ratedCount")));
		String english = String.format(java.util.Locale.ROOT, "%.1f", ((Number) score.get("value")).doubleValue());

		String german = eventually(() -> body(get("/widgets/" + brand + "?locale=de").expectStatus().isOk()),
				read -> read.contains("von 100"));

		assertThat(german).contains("<span class=\"value big\">" + english.replace('.', ',') + "</span>");
	}

	@Test
	void complaintPageShowsThePublicThreadMaskedAsForAnyoneElse() {
		String consumer = unique("consumer");
		String complaint = fileComplaint(consumer, brand, "Broken lid", "Write to me at bob@example.com please");
		post(agent, complaint, "We will replace it; reply to help@shop.example", "PUBLIC");
		post(agent, complaint, "Internal: ship from warehouse 9", "PRIVATE");

		String page = body(get("/complaints/" + complaint).expectStatus().isOk());

		assertThat(page).contains("<h1>Broken lid</h1>", "Complaint against <a href=\"/brands/" + brand + "\">",
				"Write to me at [hidden] please", "Public thread", "We will replace it; reply to [hidden]")
				.doesNotContain("bob@example.com", "help@shop.example", "warehouse 9");
	}

	@Test
	void aComplaintThePublicMayNotReadLooksExactlyLikeAMissingOne() {
		String consumer = unique("consumer");
		String withdrawn = fileComplaint(consumer, brand, "Changed my mind", "Never mind");
		succeeds(consumer, "withdrawComplaint", withdrawn, Map.of());

		String hidden = body(get("/complaints/" + withdrawn).expectStatus().isNotFound());
		String missing = body(get("/complaints/" + GlobalId.encode("Complaint", Long.MAX_VALUE - 1))
				.expectStatus().isNotFound());
		String garbage = body(get("/complaints/not-an-id").expectStatus().isNotFound());

		assertThat(hidden).isEqualTo(missing).isEqualTo(garbage).doesNotContain("Changed my mind");
		assertThat(body(get("/brands/no-such-" + brand).expectStatus().isNotFound())).isEqualTo(missing);
	}

	@Test
	void anUnclaimedBrandsPageOffersTheClaim() {
		String slug = unique("unclaimed");
		as(unique("consumer")).documentName("fileComplaint").variable("input", Map.of("newBrand",
				Map.of("name", slug, "website", slug + ".example"), "title", "No answer", "description", "Nobody answers",
				"category", "DELIVERY")).execute().path("fileComplaint.userErrors").entityList(Object.class).hasSize(0);
		String page = body(get("/brands/" + slug).expectStatus().isOk());

		assertThat(page).contains("Unclaimed: nobody from " + slug + " answers here yet",
				"<a href=\"#claim\">This is my brand</a>", "id=\"claim\"", "claimBrand");
	}

	@Test
	void badgePictureIsAPngForLinkPreviews() throws Exception {
		EntityExchangeResult<byte[]> result = get("/widgets/" + brand + "/badge.png").expectStatus().isOk()
				.expectHeader().contentType(MediaType.IMAGE_PNG).expectBody().returnResult();

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(result.getResponseBody()));
		assertThat(image.getWidth()).isEqualTo(SearchMarkup.IMAGE_WIDTH);
		assertThat(image.getHeight()).isEqualTo(SearchMarkup.IMAGE_HEIGHT);
		assertThat(get("/widgets/" + brand + "/badge.png").returnResult(byte[].class).getResponseHeaders().getETag())
				.isEqualTo(result.getResponseHeaders().getETag());
		get("/widgets/no-such-" + brand + "/badge.png").expectStatus().isNotFound();
	}

	/** Five resolved complaints rated 4 stars; returns the last one. */
	private String rateFive() {
		String last = null;
		for (int rater = 0; rater < 5; rater++) {
			String consumer = unique("rater");
			last = resolvedComplaint(consumer, brand, agent);
			succeeds(consumer, "rateResolution", last, Map.of("stars", 4, "wouldBuyAgain", true, "comment",
					"Quick refund, write to me at bob@example.com"));
		}
		return last;
	}

	private void post(String author, String complaintId, String text, String visibility) {
		as(author).documentName("postMessage").variable("input", Map.of("complaintId", complaintId, "body", text,
				"visibility", visibility)).execute().path("postMessage.userErrors").entityList(Object.class).hasSize(0);
	}

	private WebTestClient.ResponseSpec get(String path) {
		return http().get().uri(path).exchange();
	}

	private static String body(WebTestClient.ResponseSpec response) {
		EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
		return result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
	}
}
