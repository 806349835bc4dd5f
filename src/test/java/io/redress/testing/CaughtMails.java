package io.redress.testing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.util.HtmlUtils;

/**
 * The dev server's mail: an SMTP server (GreenMail) that keeps every mail it is sent, and a page that shows them
 * ({@code /dev/mails}), newest first, with each mail's one-click unsubscribe as a button. Test code, like the
 * embedded PostgreSQL: the packaged server has none of it.
 */
public final class CaughtMails implements AutoCloseable {

	public static final String PATH = "/dev/mails";

	private final GreenMail smtp;

	private CaughtMails(GreenMail smtp) {
		this.smtp = smtp;
	}

	/** An SMTP server on 127.0.0.1 at {@code port} (0: any free port). */
	public static CaughtMails start(int port) {
		GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		smtp.start();
		return new CaughtMails(smtp);
	}

	public int port() {
		return smtp.getSmtp().getPort();
	}

	public RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route().GET(PATH, request -> ServerResponse.ok()
				.contentType(MediaType.parseMediaType("text/html;charset=UTF-8")).bodyValue(page())).build();
	}

	private String page() {
		List<MimeMessage> mails = new ArrayList<>(Arrays.asList(smtp.getReceivedMessages()));
		mails.sort(Comparator.comparing(CaughtMails::sent).reversed());
		StringBuilder html = new StringBuilder("""
				<!DOCTYPE html><html><head><meta charset="utf-8"><title>Mails caught by the dev server</title></head>
				<body style="font-family: sans-serif; max-width: 60em"><h1>Mails caught by the dev server</h1>
				<p>Every mail Redress sent since the dev server started, newest first. Reload to see new ones.</p>""");
		if (mails.isEmpty()) {
			html.append("<p>None yet. Opt in to a brand's mails (<code>updateNotificationSettings</code>) or file a "
					+ "complaint as a consumer, then reload.</p>");
		}
		for (MimeMessage mail : mails) {
			html.append(entry(mail));
		}
		return html.append("</body></html>").toString();
	}

	private static String entry(MimeMessage mail) {
		try {
			String unsubscribe = mail.getHeader("List-Unsubscribe", null);
			String link = unsubscribe == null ? "" : unsubscribe.replaceAll("^<|>$", "");
			return "<hr><p><b>" + escape(mail.getSubject()) + "</b><br>to " + escape(String.join(", ",
					Arrays.stream(mail.getAllRecipients()).map(Object::toString).toList())) + ", " + sent(mail)
					+ "</p><pre style=\"white-space: pre-wrap\">" + escape(text(mail.getContent())) + "</pre>"
					+ (link.isEmpty() ? "" : "<form method=\"post\" action=\"" + escape(link)
							+ "\"><button>One-click unsubscribe (List-Unsubscribe-Post)</button></form>");
		}
		catch (Exception ex) {
			return "<hr><p>A mail that could not be read: " + escape(ex.getMessage()) + "</p>";
		}
	}

	/** The plain-text part, wherever the multipart nests it. */
	private static String text(Object content) throws Exception {
		if (content instanceof MimeMultipart multipart) {
			for (int i = 0; i < multipart.getCount(); i++) {
				BodyPart part = multipart.getBodyPart(i);
				String found = part.isMimeType("text/plain") ? (String) part.getContent() : text(part.getContent());
				if (!found.isEmpty()) {
					return found;
				}
			}
			return "";
		}
		return content instanceof String text ? text : "";
	}

	private static java.util.Date sent(MimeMessage mail) {
		try {
			return mail.getReceivedDate() != null ? mail.getReceivedDate() : mail.getSentDate();
		}
		catch (MessagingException ex) {
			return new java.util.Date(0);
		}
	}

	private static String escape(String text) {
		return text == null ? "" : HtmlUtils.htmlEscape(text);
	}

	@Override
	public void close() {
		smtp.stop();
	}
}
