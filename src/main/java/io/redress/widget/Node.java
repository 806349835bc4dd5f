package io.redress.widget;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One element of a widget's view: a tag, its classes, attributes, text or children. The iframe card writes it as HTML
 * (everything escaped) and {@code embed.js} builds the same elements from its JSON (text only as text), so both show
 * exactly the same widget.
 *
 * @param t the tag, one of those {@code embed.js} builds
 * @param c the class attribute
 * @param a other attributes, in order
 * @param x the text, when it has no children
 * @param k the children
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
record Node(String t, String c, Map<String, String> a, String x, List<Node> k) {

	static Node of(String tag, String classes) {
		return new Node(tag, classes, new LinkedHashMap<>(), null, new ArrayList<>());
	}

	static Node text(String tag, String classes, String text) {
		return new Node(tag, classes, new LinkedHashMap<>(), text, new ArrayList<>());
	}

	Node attr(String name, String value) {
		a.put(name, value);
		return this;
	}

	Node add(Node child) {
		k.add(child);
		return this;
	}

	/** The same element under another tag. */
	Node withTag(String tag) {
		return new Node(tag, c, a, x, k);
	}

	/** The element as HTML, every text and attribute escaped. */
	String html() {
		StringBuilder out = new StringBuilder(512);
		write(out);
		return out.toString();
	}

	void write(StringBuilder out) {
		out.append('<').append(t);
		if (c != null) {
			out.append(" class=\"").append(Markup.escape(c)).append('"');
		}
		a.forEach((name, value) -> out.append(' ').append(name).append("=\"").append(Markup.escape(value)).append('"'));
		out.append('>');
		if (x != null) {
			out.append(Markup.escape(x));
		}
		k.forEach(child -> child.write(out));
		out.append("</").append(t).append('>');
	}
}
