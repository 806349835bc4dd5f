package io.redress.widget;

import io.redress.score.ScoreTier;

/** Text made safe for HTML and SVG, and the tiers' colours. */
final class Markup {

	private Markup() {
	}

	/** Escapes text for element content and quoted attributes alike, so a brand name never becomes markup. */
	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> escaped.append(Character.isISOControl(c) ? ' ' : c);
			}
		}
		return escaped.toString();
	}

	/** Tier colours, each at least 4.5:1 against white text (WCAG AA), the same in widget.css. */
	static String tierColour(ScoreTier tier) {
		return switch (tier) {
			case EXCELLENT -> "#116329";
			case GREAT -> "#1a7f37";
			case GOOD -> "#7d4e00";
			case FAIR -> "#953800";
			case POOR -> "#a40e26";
			case NOT_ENOUGH_DATA -> "#57606a";
		};
	}
}
