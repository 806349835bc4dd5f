package io.redress.widget;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;

import io.redress.score.ScoreSnapshot;

/** The 12-month trend as an inline SVG line (no script, no image request), described in words for screen readers. */
final class TrendChart {

	private static final int WIDTH = 600;
	private static final int HEIGHT = 160;
	private static final int DAYS = 365;
	private static final int LEFT = 28;
	private static final int RIGHT = 6;

	private TrendChart() {
	}

	static String of(List<ScoreSnapshot> history, Words words) {
		if (history.isEmpty()) {
			return "<p class=\"muted\">" + Markup.escape(words.get("page.trendEmpty")) + "</p>";
		}
		LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS);
		StringBuilder points = new StringBuilder();
		for (ScoreSnapshot snapshot : history) {
			points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x(start, snapshot.day()), y(snapshot.value())));
		}
		ScoreSnapshot last = history.get(history.size() - 1);
		String label = words.get("page.trendLabel", words.score(history.get(0).value()), words.score(last.value()));
		return """
				<svg viewBox="0 0 %1$d %2$d" role="img" aria-label="%3$s">
				<title>%3$s</title>
				<g aria-hidden="true" dominant-baseline="middle"><text x="0" y="%4$s">0</text><text x="0" y="%5$s">50</text><text x="0" y="%6$s">100</text></g>
				<line class="axis" x1="%10$d" y1="%4$s" x2="%1$d" y2="%4$s"/>
				<line class="axis" x1="%10$d" y1="%5$s" x2="%1$d" y2="%5$s"/>
				<line class="axis" x1="%10$d" y1="%6$s" x2="%1$d" y2="%6$s"/>
				<polyline class="line" points="%7$s"/>
				<circle class="dot" cx="%8$s" cy="%9$s" r="4"/>
				</svg>""".formatted(WIDTH, HEIGHT, Markup.escape(label), fmt(y(0)), fmt(y(50)), fmt(y(100)),
				points.toString().strip(), fmt(x(start, last.day())), fmt(y(last.value())), LEFT);
	}

	/** Left of the plot, room for the axis labels; right, room for the last day's dot. */
	private static double x(LocalDate start, LocalDate day) {
		double days = Math.max(0, Math.min(DAYS, ChronoUnit.DAYS.between(start, day)));
		return LEFT + days * (WIDTH - LEFT - RIGHT) / DAYS;
	}

	/** 0 at the bottom, 100 at the top, with a margin for the line's width and the labels. */
	private static double y(double value) {
		return 8 + (100 - value) * (HEIGHT - 16) / 100.0;
	}

	private static String fmt(double value) {
		return String.format(Locale.ROOT, "%.1f", value);
	}
}
