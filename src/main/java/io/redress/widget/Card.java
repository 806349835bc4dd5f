package io.redress.widget;

import java.util.Map;

import io.redress.score.ResolutionScore;

import org.springframework.http.MediaType;

/**
 * The HTML card a partner puts in an {@code <iframe>}: complete without JavaScript, styles inline, every text from
 * the brand escaped.
 */
final class Card {

	static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private static final Map<Theme, Representation> UNKNOWN = Theme.each(theme -> page(theme, "Not on Redress", """
				<section class="card"><p class="brand">This brand is not on Redress</p>
				<p class="muted">There is no Resolution Score to show.</p></section>"""));

	private Card() {
	}

	static Representation of(BrandWidget widget, Theme theme) {
		ResolutionScore score = widget.score();
		String name = Markup.escape(widget.brand().name());
		String body = """
				<section class="card" aria-label="%s">
				<p class="brand">%s</p>
				<p class="score"><strong>%s</strong> / 100 <span class="tier" style="background:%s">%s</span></p>
				<p class="muted">90 %% interval %s–%s · %s</p>
				<p><a href="%s" target="_blank" rel="noopener">How %s resolves complaints</a></p>
				<p class="muted">Resolution Score by Redress · formula %s</p>
				</section>""".formatted(Markup.escape(Markup.summary(widget.brand().name(), score.value(), score.tier(),
				score.ratedCount())), name, Markup.score(score.value()), Markup.tierColour(score.tier()),
				Markup.tierLabel(score.tier()), Markup.score(score.low()), Markup.score(score.high()),
				Markup.rated(score.ratedCount()), Markup.escape(widget.brandPage()), name,
				Markup.escape(score.formulaVersion()));
		return page(theme, name + " · Resolution Score", body);
	}

	/** The card of a brand Redress does not know; rendered once, whoever asks. */
	static Representation unknown(Theme theme) {
		return UNKNOWN.get(theme);
	}

	private static Representation page(Theme theme, String title, String body) {
		String html = """
				<!doctype html>
				<html lang="en">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s</title>
				<style>
				body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:%s;color:%s}
				.card{border:1px solid %s;border-radius:8px;padding:12px 16px;max-width:360px}
				.card p{margin:4px 0}.brand{font-weight:600}.score strong{font-size:28px}
				.tier{color:#fff;border-radius:4px;padding:2px 6px;font-size:12px;vertical-align:middle}
				.muted{color:%s;font-size:12px}a{color:inherit}
				</style>
				</head>
				<body>
				%s
				</body>
				</html>
				""".formatted(title, theme.background, theme.text, theme.border, theme.muted, body);
		return Representation.of(html, HTML);
	}
}
