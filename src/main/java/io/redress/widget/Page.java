package io.redress.widget;

/** The frame of a public page: its head (title, description, link-preview and search-engine markup) and style. */
final class Page {

	private Page() {
	}

	/**
	 * A whole page; {@code head} is extra markup for the head, already escaped, and {@code main} the page's content,
	 * already escaped.
	 */
	static String of(Words words, Theme theme, String title, String description, String head, String main) {
		return """
				<!doctype html>
				<html lang="%s" class="%s">
				<head>
				<meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s</title>
				<meta name="description" content="%s">
				%s<style>
				%s
				%s
				</style>
				</head>
				<body class="redress %s">
				<div class="site">
				<header><p>%s</p></header>
				<main>
				%s
				</main>
				<footer><p>%s</p></footer>
				</div>
				</body>
				</html>
				""".formatted(words.tag(), theme.key(), Markup.escape(title), Markup.escape(description), head,
				Styles.WIDGET, Styles.PAGE, theme.key(), Markup.escape(words.get("score.by")), main,
				Markup.escape(words.get("page.footer")));
	}
}
