package io.redress.widget;

import java.util.List;

import io.redress.brand.Brand;
import io.redress.complaint.PublicCase;
import io.redress.shared.GlobalId;
import io.redress.thread.PublicMessage;

/**
 * A complaint's own public page: what anyone may read of it, masked as for an anonymous reader, with its public
 * thread. A complaint the public may not read gets the very page a missing one gets.
 */
final class ComplaintPage {

	private ComplaintPage() {
	}

	/** A complaint and its public thread. */
	record Data(PublicCase complaint, List<PublicMessage> thread) {
	}

	/** Where a complaint's page is: its global id, the one the API knows it by. */
	static String path(long complaintId) {
		return "/complaints/" + GlobalId.encode(PublicCase.TYPE, complaintId);
	}

	static Representation of(Data data, Brand brand, String brandPage, Words words, Theme theme) {
		PublicCase found = data.complaint();
		String title = words.get("complaint.title", found.title(), brand.name());
		StringBuilder main = new StringBuilder(4096);
		// The brand's name, a link, goes where the language puts it in the sentence.
		String[] against = words.get("complaint.against", "\u0000").split("\u0000", 2);
		main.append("<h1>").append(Markup.escape(found.title())).append("</h1>\n<p>")
				.append(Markup.escape(against[0])).append("<a href=\"").append(Markup.escape(brandPage)).append("\">")
				.append(Markup.escape(brand.name())).append("</a>")
				.append(Markup.escape(against.length > 1 ? against[1] : "")).append("</p>\n")
				.append("<p class=\"muted\">").append(Markup.escape(words.get("status." + found.status())))
				.append(" · ").append(Markup.escape(words.get("page.filed", words.date(found.createdAt()))));
		if (found.underReview()) {
			main.append(" <span class=\"flag\">").append(Markup.escape(words.get("page.underReview"))).append("</span>");
		}
		main.append("</p>\n");
		if (found.description() != null) {
			main.append("<p class=\"body\">").append(Markup.escape(found.description())).append("</p>\n");
		}
		if (found.redacted()) {
			main.append("<p class=\"muted\">").append(Markup.escape(words.get("redacted"))).append("</p>\n");
		}
		if (found.rating() != null) {
			main.append(WidgetView.stars(found.rating().stars(), words).html()).append('\n');
			if (found.rating().comment() != null && !found.rating().comment().isBlank()) {
				main.append("<p class=\"comment\">“").append(Markup.escape(found.rating().comment()))
						.append("”</p>\n");
			}
		}
		main.append("<section aria-labelledby=\"thread\"><h2 id=\"thread\">")
				.append(Markup.escape(words.get("complaint.thread"))).append("</h2>\n");
		if (data.thread().isEmpty()) {
			main.append("<p>").append(Markup.escape(words.get("complaint.threadEmpty"))).append("</p>\n");
		}
		else {
			main.append("<ol class=\"thread\">\n");
			for (PublicMessage message : data.thread()) {
				main.append("<li><p class=\"muted\">").append(Markup.escape(words.get("complaint.by",
						message.authorName(), words.date(message.createdAt())))).append("</p><p class=\"body\">")
						.append(Markup.escape(message.body())).append("</p></li>\n");
			}
			main.append("</ol>\n");
		}
		main.append("</section>\n");
		return Representation.of(Page.of(words, theme, title, title, "", main.toString()), Card.HTML);
	}

	/** The page of a complaint that is missing or not public: the same for both. */
	static Representation notFound(Words words, Theme theme) {
		String title = words.get("notFound.title");
		return Representation.of(Page.of(words, theme, title, title, "", "<h1>" + Markup.escape(title)
				+ "</h1>\n<p>" + Markup.escape(words.get("notFound.text")) + "</p>"), Card.HTML);
	}
}
