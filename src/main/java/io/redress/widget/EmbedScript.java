package io.redress.widget;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/** embed.js, read once at start-up (never on a request thread) and served from memory. */
@Component
class EmbedScript {

	static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	private final Representation script;

	EmbedScript() {
		try {
			script = Representation.of(new ClassPathResource("widget/embed.js").getContentAsString(
					java.nio.charset.StandardCharsets.UTF_8), JAVASCRIPT);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("widget/embed.js is missing from the classpath", ex);
		}
	}

	Representation script() {
		return script;
	}
}
