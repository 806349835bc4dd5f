package io.redress.widget;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;

/**
 * embed.js, read once at start-up (never on a request thread) and served from memory, with the widgets' style sheet
 * written into it: the script needs nothing else to draw exactly what the iframe card shows.
 */
@Component
class EmbedScript {

	static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	private final Representation script;

	EmbedScript(JsonMapper json) {
		script = Representation.of(Styles.read("widget/embed.js").replace("'__WIDGET_CSS__'",
				json.writeValueAsString(Styles.WIDGET.strip()).replace("</", "<\\/")), JAVASCRIPT);
	}

	Representation script() {
		return script;
	}
}
