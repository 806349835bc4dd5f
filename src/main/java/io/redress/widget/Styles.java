package io.redress.widget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/**
 * The style sheets, read once at start-up: {@code widget.css}, the one design of every widget (inlined in the iframe
 * card, the brand page and {@code embed.js} alike), and {@code page.css}, what the public pages add.
 */
final class Styles {

	static final String WIDGET = read("widget/widget.css");
	static final String PAGE = read("widget/page.css");

	private Styles() {
	}

	static String read(String path) {
		try {
			return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(path + " is missing from the classpath", ex);
		}
	}
}
