package io.redress.widget;

import io.redress.score.ScoreTier;

import org.springframework.http.MediaType;

/**
 * The SVG badge: "Redress" on the left, the score and its tier on the right (or how many ratings there are, under
 * five), and a title that says it all for screen readers. Widths are estimated from the text, as badge services do,
 * so no font is needed on the server.
 */
final class Badge {

	static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

	private Badge() {
	}

	static Representation of(BrandWidget widget, Theme theme, Words words) {
		String value = WidgetView.rated(widget.score())
				? words.score(widget.score().value()) + " · " + words.tier(widget.score().tier())
				: words.get("badge.notEnough", widget.score().ratedCount(), ScoreTier.MIN_RATED);
		return render(theme, words, WidgetView.summary(widget.brand(), widget.score(), words), value,
				Markup.tierColour(widget.score().tier()));
	}

	/** The badge of a brand Redress does not know: neutral, and saying so. */
	static Representation unknown(Theme theme, Words words) {
		return render(theme, words, words.get("badge.unknown"), words.get("badge.noScore"),
				Markup.tierColour(ScoreTier.NOT_ENOUGH_DATA));
	}

	private static Representation render(Theme theme, Words words, String summary, String value, String colour) {
		String label = words.get("redress");
		int labelWidth = width(label);
		int valueWidth = width(value);
		int total = labelWidth + valueWidth;
		String svg = """
				<svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="20" viewBox="0 0 %1$d 20" role="img" aria-label="%2$s" xml:lang="%14$s">
				<title>%2$s</title>
				<rect width="%1$d" height="20" rx="3" fill="%3$s"/>
				<rect x="%4$d" width="%5$d" height="20" rx="3" fill="%6$s"/>
				<rect x="%4$d" width="4" height="20" fill="%6$s"/>
				<rect x="0.5" y="0.5" width="%7$d" height="19" rx="2.5" fill="none" stroke="%8$s"/>
				<g font-family="Verdana,DejaVu Sans,Geneva,sans-serif" font-size="11" aria-hidden="true">
				<text x="%9$d" y="14" fill="%10$s" text-anchor="middle">%11$s</text>
				<text x="%12$d" y="14" fill="#ffffff" text-anchor="middle">%13$s</text>
				</g>
				</svg>
				""".formatted(total, Markup.escape(summary), theme.background, labelWidth, valueWidth, colour,
				total - 1, theme.border, labelWidth / 2, theme.text, Markup.escape(label), labelWidth + valueWidth / 2,
				Markup.escape(value), words.tag());
		return Representation.of(svg, SVG);
	}

	/** About 7 pixels a character at 11 px Verdana, plus padding. */
	private static int width(String text) {
		return text.length() * 7 + 12;
	}
}
