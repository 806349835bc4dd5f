package io.redress.widget;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Widgets as a partner site uses them: anonymous, cacheable, embeddable anywhere, safe with any brand name. */
class WidgetTests extends ApiTest {

	private String brand;
	private String agent;

	@BeforeEach
	void brandWithAnAgent() {
		brand = unique("widget");
		agent = unique("agent");
		String owner = unique("owner");
		addMember(owner, registerBrand(owner, brand), agent, "AGENT");
	}

	@Test
	void badgeUnderFiveRatingsSaysHowManyThereAreInsteadOfANumber() {
		Map<String, Object> score = graphQlScore(brand);

		String svg = body(get("/widgets/" + brand + "/badge.svg").expectStatus().isOk()
				.expectHeader().contentTypeCompatibleWith("image/svg+xml"));

		assertThat(score.get("tier")).isEqualTo("NOT_ENOUGH_DATA");
		assertThat(svg).contains("role=\"img\"").contains("<title>" + brand
				+ " Resolution Score: not enough ratings yet, 0 of 5 rated complaints</title>")
				.contains(">0 of 5 ratings<").doesNotContain(">50.0");
	}

	@Test
	void widgetsAreCacheableOpenToEveryOriginAndSetNoCookies() {
		for (String path : List.of("/widgets/" + brand + "/badge.svg", "/widgets/" + brand,
				"/widgets/" + brand + "/score.json", "/widgets/embed.js", "/widgets/" + brand + "/badge.png",
				"/brands/" + brand)) {
			HttpHeaders headers = http().get().uri(path).header(HttpHeaders.ORIGIN, "https://partner.example")
					.exchange().expectStatus().isOk().returnResult(byte[].class).getResponseHeaders();

			assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)).as(path).containsExactly("*");
			assertThat(headers.get(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS)).as(path).isNull();
			assertThat(headers.getCacheControl()).as(path).contains("public").contains("max-age=");
			assertThat(headers.getETag()).as(path).startsWith("\"").doesNotStartWith("W/");
			assertThat(headers.get(HttpHeaders.SET_COOKIE)).as(path).isNull();
		}
	}

	@Test
	void matchingIfNoneMatchGets304WithoutABody() {
		String etag = get("/widgets/" + brand + "/badge.svg").expectStatus().isOk()
				.returnResult(byte[].class).getResponseHeaders().getETag();

		http().get().uri("/widgets/" + brand + "/badge.svg").header(HttpHeaders.IF_NONE_MATCH, etag).exchange()
				.expectStatus().isNotModified()
				.expectHeader().valueEquals(HttpHeaders.ETAG, etag)
				.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
				.expectBody().isEmpty();
		http().get().uri("/widgets/" + brand + "/badge.svg").header(HttpHeaders.IF_NONE_MATCH, "\"other\"")
				.exchange().expectStatus().isOk();
	}

	@Test
	void cardCanBeFramedAnywhereButRunsNoScript() {
		HttpHeaders headers = get("/widgets/" + brand).expectStatus().isOk()
				.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
				.returnResult(byte[].class).getResponseHeaders();

		assertThat(headers.get("X-Frame-Options")).isNull();
		assertThat(headers.getFirst("Content-Security-Policy")).contains("default-src 'none'")
				.contains("frame-ancestors *");
	}

	@Test
	void brandNameWithMarkupRendersAsTextEverywhere() {
		String slug = unique("markup");
		String owner = unique("owner");
		as(owner).documentName("registerBrand").variable("input", Map.of("name",
				"<img src=x onerror=alert(1)> \"Tom & Jerry's\"", "website", slug + ".example", "slug", slug))
				.execute().path("registerBrand.userErrors").entityList(Object.class).hasSize(0);

		String escaped = "&lt;img src=x onerror=alert(1)&gt; &quot;Tom &amp; Jerry&#39;s&quot;";
		for (String path : List.of("/widgets/" + slug + "/badge.svg", "/widgets/" + slug,
				"/widgets/" + slug + "?theme=dark", "/widgets/" + slug + "?variant=mini",
				"/widgets/" + slug + "?variant=micro&locale=de", "/widgets/" + slug + "?variant=carousel",
				"/brands/" + slug)) {
			assertThat(body(get(path).expectStatus().isOk())).as(path).contains(escaped).doesNotContain("<img");
		}
		assertThat(body(get("/widgets/" + slug + "/score.json").expectStatus().isOk()))
				.contains("\"name\":\"<img src=x onerror=alert(1)> \\\"Tom & Jerry's\\\"\"");
	}

	@Test
	void unknownBrandGets404WithANeutralBadge() {
		String svg = body(get("/widgets/no-such-brand-" + brand + "/badge.svg").expectStatus().isNotFound()
				.expectHeader().contentTypeCompatibleWith("image/svg+xml"));
		assertThat(svg).contains("<title>No Resolution Score: this brand is not on Redress</title>");

		get("/widgets/" + "x".repeat(300) + "/badge.svg").expectStatus().isNotFound();
		get("/widgets/No-Such/score.json").expectStatus().isNotFound();
		get("/widgets/no-such-brand-" + brand).expectStatus().isNotFound()
				.expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML);
		get("/widgets/no-such-brand-" + brand + "/live").expectStatus().isNotFound();
	}

	@Test
	void darkThemeDiffersAndAnUnknownThemeIsABadRequest() {
		String light = body(get("/widgets/" + brand + "/badge.svg?theme=light").expectStatus().isOk());
		String dark = body(get("/widgets/" + brand + "/badge.svg?theme=dark").expectStatus().isOk());

		assertThat(dark).isNotEqualTo(light).contains("#0d1117");
		get("/widgets/" + brand + "/badge.svg?theme=neon").expectStatus().isBadRequest();
		get("/widgets/" + brand + "?variant=banner").expectStatus().isBadRequest();
	}

	@Test
	void embedScriptIsSmallAndStandsAlone() {
		String script = body(get("/widgets/embed.js").expectStatus().isOk()
				.expectHeader().contentTypeCompatibleWith("text/javascript"));

		assertThat(script.getBytes(StandardCharsets.UTF_8).length).isLessThan(12 * 1024);
		assertThat(script).contains("redress-widget").contains(".seg{").doesNotContain("__WIDGET_CSS__")
				.doesNotContain("import ").doesNotContain("require(").doesNotContain("</style");
	}

	@Test
	void aCommittedRatingChangesTheWidgetAndItsETag() {
		String consumer = unique("consumer");
		String complaintId = resolvedComplaint(consumer, brand, agent);
		String before = get("/widgets/" + brand + "/score.json").expectStatus().isOk()
				.returnResult(byte[].class).getResponseHeaders().getETag();

		succeeds(consumer, "rateResolution", complaintId, Map.of("stars", 5, "wouldBuyAgain", true));

		String json = eventually(() -> body(get("/widgets/" + brand + "/score.json").expectStatus().isOk()),
				read -> read.contains("\"ratedCount\":1"));
		assertThat(json).contains("\"ratedCount\":1")
				.contains("\"value\":" + graphQlScore(brand).get("value"));
		assertThat(get("/widgets/" + brand + "/score.json").returnResult(byte[].class).getResponseHeaders().getETag())
				.isNotEqualTo(before);
	}

	@Test
	void liveStreamSendsTheScoreAtOnceThenEveryChange() {
		String consumer = unique("consumer");
		String complaintId = resolvedComplaint(consumer, brand, agent);
		Flux<ServerSentEvent<String>> stream = http().get().uri("/widgets/" + brand + "/live")
				.accept(MediaType.TEXT_EVENT_STREAM).exchange().expectStatus().isOk()
				.expectHeader().valueEquals(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, "*")
				.returnResult(new ParameterizedTypeReference<ServerSentEvent<String>>() {
				}).getResponseBody();

		StepVerifier.create(stream.filter(event -> "score".equals(event.event())).map(ServerSentEvent::data))
				.assertNext(first -> assertThat(first).contains("\"ratedCount\":0"))
				.then(() -> succeeds(consumer, "rateResolution", complaintId, Map.of("stars", 4, "wouldBuyAgain", false)))
				// The resolution itself may still be moving the score when the stream opens.
				.thenConsumeWhile(data -> data.contains("\"ratedCount\":0"))
				.assertNext(next -> assertThat(next).contains("\"ratedCount\":1").contains("\"slug\":\"" + brand + "\""))
				.thenCancel()
				.verify(Duration.ofSeconds(20));
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> graphQlScore(String slug) {
		return anonymous().document("query($slug: String!) { brand(slug: $slug) { score { value tier ratedCount } } }")
				.variable("slug", slug).execute().path("brand.score").entity(Map.class).get();
	}

	private WebTestClient.ResponseSpec get(String path) {
		return http().get().uri(path).exchange();
	}

	private static String body(WebTestClient.ResponseSpec response) {
		EntityExchangeResult<byte[]> result = response.expectBody().returnResult();
		return result.getResponseBody() == null ? "" : new String(result.getResponseBody(), StandardCharsets.UTF_8);
	}
}
