package io.redress.widget;

import java.util.Locale;

import io.redress.score.ScoreTier;

/** Text made safe for HTML and SVG, and the words the widgets show. */
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

	static String tierLabel(ScoreTier tier) {
		return tier == ScoreTier.NOT_ENOUGH_DATA ? "Not enough data yet"
				: tier.name().charAt(0) + tier.name().substring(1).toLowerCase(Locale.ROOT);
	}

	static String score(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}

	static String rated(int count) {
		return count + (count == 1 ? " rated complaint" : " rated complaints");
	}

	/** The sentence a screen reader reads for a widget. */
	static String summary(String brandName, double value, ScoreTier tier, int ratedCount) {
		return brandName + " Resolution Score " + score(value) + " out of 100, " + tierLabel(tier) + ", "
				+ rated(ratedCount);
	}

	/** Tier colours, readable on both themes. */
	static String tierColour(ScoreTier tier) {
		return switch (tier) {
			case EXCELLENT -> "#1a7f37";
			case GREAT -> "#2c974b";
			case GOOD -> "#9a6700";
			case FAIR -> "#bc4c00";
			case POOR -> "#cf222e";
			case NOT_ENOUGH_DATA -> "#6e7781";
		};
	}
}
