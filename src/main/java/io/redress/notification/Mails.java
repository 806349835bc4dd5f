package io.redress.notification;

import java.net.URI;
import java.util.List;

import io.redress.complaint.Complaint;
import io.redress.shared.GlobalId;

import org.springframework.web.util.HtmlUtils;

/**
 * What each mail says, as plain text and as HTML (every value escaped by Spring's {@link HtmlUtils}). A mail names
 * the brand and links to the complaint; it never carries what anyone wrote, so a private message's text cannot
 * travel by mail.
 */
final class Mails {

	/** A mail ready to send; {@code messageId} is the same each time the same outbox row is sent. */
	record Mail(String to, String subject, String text, String html, String unsubscribeUrl, String messageId) {
	}

	private record Line(String subject, String sentence, String action, String url) {
	}

	private final NotificationProperties settings;
	private final UnsubscribeLinks links;
	private final String host;

	Mails(NotificationProperties settings, UnsubscribeLinks links) {
		this.settings = settings;
		this.links = links;
		String configured = URI.create(settings.baseUrl()).getHost();
		this.host = configured == null ? "localhost" : configured;
	}

	Mail single(QueuedMail mail) {
		Line line = line(mail);
		String unsubscribe = mail.kind() == NotificationKind.BRAND_INVITATION ? links.forInvitation(mail.email())
				: links.forPerson(mail.subject(), mail.kind());
		String why = mail.kind() == NotificationKind.BRAND_INVITATION
				? "Redress sends one invitation a week at most. To get none ever again"
				: "To stop mails like this one";
		return new Mail(mail.email(), line.subject(),
				line.sentence() + "\n\n" + line.action() + ": " + line.url() + "\n\n-- \n" + why + ": " + unsubscribe
						+ "\n",
				html(List.of(line), why, unsubscribe), unsubscribe, "<notification-" + mail.id() + "@" + host + ">");
	}

	/** One mail for everything a person's digest gathered; its link stops every kind. */
	Mail digest(List<QueuedMail> mails) {
		List<Line> lines = mails.stream().map(this::line).toList();
		String unsubscribe = links.forPerson(mails.get(0).subject(), null);
		String why = "To stop all these mails";
		StringBuilder text = new StringBuilder("What happened on Redress since your last digest:\n");
		lines.forEach(line -> text.append("\n- ").append(line.sentence()).append("\n  ").append(line.action())
				.append(": ").append(line.url()).append('\n'));
		text.append("\n-- \n").append(why).append(": ").append(unsubscribe).append('\n');
		return new Mail(mails.get(0).email(), "Redress: " + lines.size() + (lines.size() == 1 ? " update" : " updates"),
				text.toString(), html(lines, why, unsubscribe), unsubscribe,
				"<digest-" + mails.get(0).id() + "@" + host + ">");
	}

	private Line line(QueuedMail mail) {
		String brand = mail.brandName();
		String complaint = mail.complaintId() == null ? null
				: settings.complaintUrl().replace("{id}", GlobalId.encode(Complaint.TYPE, mail.complaintId()));
		long days = Math.max(1, settings.reminderBefore().toDays());
		return switch (mail.kind()) {
			case NEW_COMPLAINT -> new Line("New complaint against " + brand,
					"A consumer filed a complaint against " + brand + " on Redress.", "Read it and answer", complaint);
			case CONSUMER_REPLY -> new Line("The consumer replied on a complaint against " + brand,
					"The consumer wrote in a complaint against " + brand + ".", "Read the reply", complaint);
			case TARGET_DUE_SOON -> new Line("A complaint against " + brand + " is due soon",
					"A complaint against " + brand + " comes near its first-response or resolution target.",
					"Answer it in time", complaint);
			case TARGET_OVERDUE -> new Line("A complaint against " + brand + " is overdue",
					"A complaint against " + brand + " passed its first-response or resolution target.",
					"Answer it now", complaint);
			case ASSIGNED_OVERDUE -> new Line("A complaint assigned to you is overdue",
					"A complaint against " + brand + " that is assigned to you passed its first-response or resolution "
							+ "target.",
					"Answer it now", complaint);
			case BRAND_REPLY -> new Line(brand + " replied to your complaint",
					brand + " wrote in your complaint's thread.", "Read the reply", complaint);
			case RESOLUTION_PROPOSED -> new Line(brand + " proposed a resolution",
					brand + " proposed a resolution to your complaint.", "See it and answer", complaint);
			case PROPOSAL_REMINDER -> new Line(days + " days left to answer " + brand + "'s proposal",
					"Unless you accept or reject " + brand + "'s proposal within " + days
							+ " days, Redress accepts it on your behalf.",
					"Answer the proposal", complaint);
			case FOLLOW_UP_DUE -> new Line("Did " + brand + "'s resolution hold?",
					brand + " resolved your complaint some days ago: tell Redress whether the resolution held.",
					"Answer the follow-up", complaint);
			case BRAND_INVITATION -> new Line("A customer filed a complaint about " + brand + " on Redress",
					"A customer filed a complaint about " + brand + " on Redress, where brands answer complaints "
							+ "in the open. Claim " + brand + " to answer it.",
					"Claim " + brand, settings.claimUrl().replace("{slug}", mail.brandSlug()));
		};
	}

	private static String html(List<Line> lines, String why, String unsubscribe) {
		StringBuilder html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family: sans-serif\">");
		for (Line line : lines) {
			html.append("<p>").append(HtmlUtils.htmlEscape(line.sentence())).append("</p><p><a href=\"")
					.append(HtmlUtils.htmlEscape(line.url())).append("\">").append(HtmlUtils.htmlEscape(line.action()))
					.append("</a></p>");
		}
		return html.append("<hr><p style=\"font-size: small\">").append(HtmlUtils.htmlEscape(why))
				.append(": <a href=\"").append(HtmlUtils.htmlEscape(unsubscribe)).append("\">unsubscribe</a>.</p>")
				.append("</body></html>").toString();
	}
}
