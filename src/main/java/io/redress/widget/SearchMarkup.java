package io.redress.widget;

import java.util.LinkedHashMap;
import java.util.Map;

import io.redress.brand.Brand;
import io.redress.score.ResolutionScore;
import tools.jackson.databind.json.JsonMapper;

/**
 * What search engines and link previews read of a brand page: {@code schema.org} JSON-LD (an {@code Organization}
 * with its {@code aggregateRating} once the score has a tier), Open Graph and Twitter meta with the PNG badge.
 */
final class SearchMarkup {

	static final int IMAGE_WIDTH = 1200;
	static final int IMAGE_HEIGHT = 630;

	private SearchMarkup() {
	}

	/** The head markup; {@code origin} makes the absolute URLs previews need. */
	static String head(JsonMapper json, Brand brand, ResolutionScore score, String origin, String pageUrl,
			String title, String description, Words words) {
		String image = origin + "/widgets/" + brand.slug() + "/badge.png?locale=" + words.tag();
		StringBuilder head = new StringBuilder(1024);
		head.append(link("canonical", pageUrl));
		meta(head, "property", "og:type", "website");
		meta(head, "property", "og:site_name", words.get("redress"));
		meta(head, "property", "og:title", title);
		meta(head, "property", "og:description", description);
		meta(head, "property", "og:url", pageUrl);
		meta(head, "property", "og:locale", words.locale().toString());
		meta(head, "property", "og:image", image);
		meta(head, "property", "og:image:type", "image/png");
		meta(head, "property", "og:image:width", String.valueOf(IMAGE_WIDTH));
		meta(head, "property", "og:image:height", String.valueOf(IMAGE_HEIGHT));
		meta(head, "property", "og:image:alt", WidgetView.summary(brand, score, words));
		meta(head, "name", "twitter:card", "summary_large_image");
		meta(head, "name", "twitter:title", title);
		meta(head, "name", "twitter:description", description);
		meta(head, "name", "twitter:image", image);
		meta(head, "name", "twitter:image:alt", WidgetView.summary(brand, score, words));
		head.append("<script type=\"application/ld+json\">").append(jsonLd(json, brand, score, pageUrl))
				.append("</script>\n");
		return head.toString();
	}

	/** The JSON-LD, with every {@code <}, {@code >} and {@code &} escaped, so no text can close the script element. */
	static String jsonLd(JsonMapper json, Brand brand, ResolutionScore score, String pageUrl) {
		Map<String, Object> organization = new LinkedHashMap<>();
		organization.put("@context", "https://schema.org");
		organization.put("@type", "Organization");
		organization.put("name", brand.name());
		organization.put("url", pageUrl);
		if (brand.website() != null) {
			organization.put("sameAs", brand.website());
		}
		if (WidgetView.rated(score)) {
			Map<String, Object> rating = new LinkedHashMap<>();
			rating.put("@type", "AggregateRating");
			rating.put("ratingValue", score.value());
			rating.put("bestRating", 100);
			rating.put("worstRating", 0);
			rating.put("ratingCount", score.ratedCount());
			organization.put("aggregateRating", rating);
		}
		return json.writeValueAsString(organization).replace("<", "\\u003c").replace(">", "\\u003e")
				.replace("&", "\\u0026");
	}

	private static void meta(StringBuilder head, String attribute, String name, String content) {
		head.append("<meta ").append(attribute).append("=\"").append(name).append("\" content=\"")
				.append(Markup.escape(content)).append("\">\n");
	}

	private static String link(String rel, String href) {
		return "<link rel=\"" + rel + "\" href=\"" + Markup.escape(href) + "\">\n";
	}
}
