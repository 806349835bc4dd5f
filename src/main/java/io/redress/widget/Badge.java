package io.redress.widget;

import java.util.Map;

import io.redress.score.ScoreTier;

import org.springframework.http.MediaType;

/**
 * The SVG badge: "Redress" on the left, score, tier and rated count on the right, and a title that says it all for
 * screen readers. Widths are estimated from the text, as badge services do, so no font is needed on the server.
 */
final class Badge {

	static final MediaType SVG = MediaType.parseMediaType("image/svg+xml;charset=UTF-8");

	private static final String LABEL = "Redress";

	private static final Map<Theme, Representation> UNKNOWN = Theme.each(theme -> render(theme,
			"No Resolution Score: this brand is not on Redress", "no score",
			Markup.tierColour(ScoreTier.NOT_ENOUGH_DATA)));

	private Badge() {
	}

	static Representation of(BrandWidget widget, Theme theme) {
		return render(theme, Markup.summary(widget.brand().name(), widget.score().value(), widget.score().tier(),
				widget.score().ratedCount()),
				Markup.score(widget.score().value()) + " · " + Markup.tierLabel(widget.score().tier()) + " · "
						+ Markup.rated(widget.score().ratedCount()),
				Markup.tierColour(widget.score().tier()));
	}

	/** The badge of a brand Redress does not know: neutral, and saying so; rendered once, whoever asks. */
	static Representation unknown(Theme theme) {
		return UNKNOWN.get(theme);
	}

	private static Representation render(Theme theme, String summary, String value, String colour) {
		int labelWidth = width(LABEL);
		int valueWidth = width(value);
		int total = labelWidth + valueWidth;
		String svg = """
				<svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="20" viewBox="0 0 %1$d 20" role="img" aria-label="%2$s">
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
				total - 1, theme.border, labelWidth / 2, theme.text, LABEL, labelWidth + valueWidth / 2,
				Markup.escape(value));
		return Representation.of(svg, SVG);
	}

	/** About 7 pixels a character at 11 px Verdana, plus padding. */
	private static int width(String text) {
		return text.length() * 7 + 12;
	}
}
