package io.redress.widget;

import org.springframework.http.MediaType;

/**
 * The HTML document a partner puts in an {@code <iframe>}: one widget, complete without JavaScript, its style sheet
 * inline, every text from the brand escaped.
 */
final class Card {

	static final MediaType HTML = MediaType.parseMediaType("text/html;charset=UTF-8");

	private Card() {
	}

	static Representation of(Node widget, Theme theme, String title, Words words) {
		return page(theme, title, widget.html(), words);
	}

	/** The card of a brand Redress does not know. */
	static Representation unknown(Theme theme, Words words) {
		Node card = Node.of("div", "card").add(Node.text("p", "name", words.get("unknown.text")))
				.add(Node.text("p", "muted", words.get("unknown.detail")));
		return page(theme, words.get("unknown.title"), card.html(), words);
	}

	private static Representation page(Theme theme, String title, String body, Words words) {
		String html = """
				<!doctype html>
				<html lang="%s">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s</title>
				<style>
				body{margin:0}
				%s
				</style>
				</head>
				<body>
				<main class="redress %s">
				%s
				</main>
				</body>
				</html>
				""".formatted(words.tag(), Markup.escape(title), Styles.WIDGET, theme.key(), body);
		return Representation.of(html, HTML);
	}
}
