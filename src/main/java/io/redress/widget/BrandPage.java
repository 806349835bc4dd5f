package io.redress.widget;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.time.ZoneOffset;

import io.redress.brand.Brand;
import io.redress.brand.BrandStatus;
import io.redress.complaint.PublicCase;
import io.redress.score.ResolutionScore;
import io.redress.score.ScoreComponent;
import io.redress.score.ScoreComponentName;
import io.redress.score.ScoreTier;
import io.redress.shared.GlobalId;
import io.redress.thread.PublicMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public brand page every widget links to, rendered on the server and complete without JavaScript: the score in
 * plain words, its trend, the brand's clocks, its latest public complaints with its answers and the consumers'
 * ratings, the moderation ledger and whether the brand is verified, registered or unclaimed. Every text is escaped.
 */
final class BrandPage {

	private BrandPage() {
	}

	/** The page; {@code origin} is this server as the visitor reached it, {@code after} the complaints' cursor. */
	static Representation of(JsonMapper json, BrandWidget widget, PageData data, Words words, Theme theme,
			String origin, String after) {
		Brand brand = widget.brand();
		ResolutionScore score = widget.score();
		String pageUrl = origin + "/brands/" + brand.slug();
		String title = words.get("page.title", brand.name());
		String description = WidgetView.rated(score)
				? words.get("page.description", brand.name(), words.score(score.value()), words.tier(score.tier()),
						words.rated(score.ratedCount()))
				: words.get("page.descriptionNotEnough", brand.name(), score.ratedCount(),
						ScoreTier.MIN_RATED);
		StringBuilder main = new StringBuilder(8192);
		main.append("<h1>").append(Markup.escape(brand.name())).append("</h1>\n");
		standing(main, brand, words);
		main.append("<section aria-labelledby=\"score\"><h2 id=\"score\">").append(text(words, "score.name"))
				.append("</h2>\n");
		main.append(WidgetView.card(brand, score, null, words).html()).append('\n');
		explanation(main, score, words);
		main.append("</section>\n<section class=\"trend\" aria-labelledby=\"trend\"><h2 id=\"trend\">")
				.append(text(words, "page.trend")).append("</h2>\n").append(TrendChart.of(data.history(), words))
				.append("\n</section>\n");
		times(main, score, data, words);
		complaints(main, brand, data, words, after);
		ledger(main, data, words);
		if (brand.status() == BrandStatus.UNCLAIMED) {
			main.append("<section id=\"claim\" aria-labelledby=\"claim-h\"><h2 id=\"claim-h\">")
					.append(text(words, "page.claim")).append("</h2><p>")
					.append(Markup.escape(words.get("page.claimHow", brand.name(), GlobalId.encode(Brand.TYPE,
							brand.id()))))
					.append("</p></section>\n");
		}
		String head = SearchMarkup.head(json, brand, score, origin, pageUrl, title, description, words);
		return Representation.of(Page.of(words, theme, title, description, head, main.toString()), Card.HTML);
	}

	private static void standing(StringBuilder main, Brand brand, Words words) {
		main.append("<p class=\"status\">")
				.append(Markup.escape(words.get("page.status." + brand.status().name(), brand.name())));
		if (brand.status() == BrandStatus.UNCLAIMED) {
			main.append(" · <a href=\"#claim\">").append(text(words, "page.claim")).append("</a>");
		}
		main.append("</p>\n");
		if (brand.website() != null && brand.website().matches("https?://[^\\s\"<>]+")) {
			main.append("<p>").append(text(words, "page.website")).append(": <a href=\"")
					.append(Markup.escape(brand.website())).append("\" rel=\"nofollow noopener ugc\">")
					.append(Markup.escape(brand.website())).append("</a></p>\n");
		}
	}

	private static void explanation(StringBuilder main, ResolutionScore score, Words words) {
		double resolved = component(score, ScoreComponentName.RESOLUTION_RATE).value();
		Double hours = score.medianFirstResponseHours();
		main.append("<p class=\"explanation\">").append(Markup.escape(hours == null
				? words.get("page.explanationNoAnswer", resolved)
				: words.get("page.explanation", resolved, words.duration(hours)))).append("</p>\n");
		main.append("<h3>").append(text(words, "page.components")).append("</h3>\n<ul class=\"components\">\n");
		for (ScoreComponent component : score.components()) {
			main.append("<li>").append(Markup.escape(words.get("component." + component.name().name(),
					component.value(), component.sampleSize()))).append("</li>\n");
		}
		main.append("</ul>\n<p class=\"muted\">").append(text(words, "page.prior")).append("</p>\n")
				.append("<p class=\"muted\">").append(Markup.escape(words.get("page.excluded", score.excludedCount())))
				.append("</p>\n<p class=\"muted\">").append(Markup.escape(words.get("page.formula",
						score.formulaVersion(), words.date(score.computedAt().atOffset(ZoneOffset.UTC)))))
				.append("</p>\n");
	}

	private static ScoreComponent component(ResolutionScore score, ScoreComponentName name) {
		return score.components().stream().filter(component -> component.name() == name).findFirst().orElseThrow();
	}

	private static void times(StringBuilder main, ResolutionScore score, PageData data, Words words) {
		main.append("<section class=\"times\" aria-labelledby=\"times\"><h2 id=\"times\">")
				.append(text(words, "page.times")).append("</h2>\n<dl>\n");
		Double response = data.times().medianHoursToFirstResponse();
		Double resolution = data.times().medianHoursToResolution();
		term(main, words.get("page.firstResponse"),
				response == null ? words.get("page.notYet") : words.duration(response));
		term(main, words.get("page.resolution"),
				resolution == null ? words.get("page.notYet") : words.duration(resolution));
		// The follow-up's "held" rate shows where Redress knows it, and nothing where it does not.
		data.heldRate().ifPresent(rate -> term(main, words.get("page.heldRate"),
				NumberFormat.getPercentInstance(words.locale()).format(rate)));
		main.append("</dl>\n</section>\n");
	}

	private static void term(StringBuilder main, String term, String value) {
		main.append("<dt>").append(Markup.escape(term)).append("</dt><dd>").append(Markup.escape(value))
				.append("</dd>\n");
	}

	private static void complaints(StringBuilder main, Brand brand, PageData data, Words words, String after) {
		main.append("<section aria-labelledby=\"complaints\"><h2 id=\"complaints\">")
				.append(text(words, "page.complaints")).append("</h2>\n");
		if (data.complaints().nodes().isEmpty()) {
			main.append("<p>").append(text(words, "page.complaintsEmpty")).append("</p>\n");
		}
		else {
			main.append("<ol class=\"complaints\">\n");
			for (PublicCase found : data.complaints().nodes()) {
				complaint(main, brand, found, data.answers().get(found.id()), words);
			}
			main.append("</ol>\n");
		}
		String older = data.complaints().pageInfo().hasNextPage() ? data.complaints().pageInfo().endCursor() : null;
		if (older != null || after != null) {
			main.append("<nav class=\"pages\" aria-label=\"").append(text(words, "page.complaints")).append("\">");
			if (after != null) {
				main.append("<a href=\"/brands/").append(brand.slug()).append("\">").append(text(words, "page.newest"))
						.append("</a>");
			}
			if (older != null) {
				main.append("<a href=\"/brands/").append(brand.slug()).append("?after=")
						.append(Markup.escape(URLEncoder.encode(older, StandardCharsets.UTF_8)))
						.append("\">").append(text(words, "page.older")).append("</a>");
			}
			main.append("</nav>\n");
		}
		main.append("</section>\n");
	}

	private static void complaint(StringBuilder main, Brand brand, PublicCase found, PublicMessage answer,
			Words words) {
		main.append("<li><h3><a href=\"").append(ComplaintPage.path(found.id())).append("\">")
				.append(Markup.escape(found.title())).append("</a></h3>\n<p class=\"muted\">")
				.append(text(words, "status." + found.status())).append(" · ")
				.append(Markup.escape(words.get("page.filed", words.date(found.createdAt()))));
		if (found.underReview()) {
			main.append(" <span class=\"flag\">").append(text(words, "page.underReview")).append("</span>");
		}
		main.append("</p>\n");
		if (found.rating() != null) {
			main.append(WidgetView.stars(found.rating().stars(), words).html()).append('\n');
			if (found.rating().comment() != null && !found.rating().comment().isBlank()) {
				main.append("<p class=\"comment\">“").append(Markup.escape(found.rating().comment()))
						.append("”</p>\n");
			}
		}
		if (answer != null) {
			main.append("<blockquote class=\"answer\"><p class=\"muted\">")
					.append(Markup.escape(words.get("page.answer", brand.name()))).append("</p><p class=\"body\">")
					.append(Markup.escape(answer.body())).append("</p></blockquote>\n");
		}
		main.append("</li>\n");
	}

	private static void ledger(StringBuilder main, PageData data, Words words) {
		main.append("<section aria-labelledby=\"ledger\"><h2 id=\"ledger\">").append(text(words, "page.ledger"))
				.append("</h2>\n");
		if (data.ledger().isEmpty()) {
			main.append("<p>").append(text(words, "page.ledgerEmpty")).append("</p>\n");
		}
		else {
			main.append("<p>").append(Markup.escape(words.get("page.removed", data.ledger().removedCount())))
					.append(", ").append(Markup.escape(words.get("page.held", data.ledger().heldCount())))
					.append("</p>\n<ul>\n");
			data.ledger().byReason().forEach((reason, count) -> main.append("<li>")
					.append(text(words, "reason." + reason)).append(": ").append(words.whole(count)).append("</li>\n"));
			main.append("</ul>\n");
		}
		main.append("</section>\n");
	}

	private static String text(Words words, String key) {
		return Markup.escape(words.get(key));
	}
}
