package io.redress.notification;

import java.util.List;

import io.redress.shared.ContinuousFlow;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Sends what the outbox holds, every {@code send-interval}: mails that are due, then the digests that are. Jakarta
 * Mail blocks while the SMTP server answers, so each mail is handed over on a bounded scheduler of its own
 * ({@code senders} threads), never on an event loop. A mail the server took is marked sent; one it refused waits
 * and is tried again, up to {@code max-attempts}; one no longer wanted is dropped unsent.
 */
@Component
class MailOutbox extends ContinuousFlow implements DisposableBean {

	/** The most mails one digest gathers; the rest go in the next. */
	private static final int DIGEST_ITEMS = 50;

	private final Outbox outbox;
	private final NotificationProperties settings;
	private final ObjectProvider<JavaMailSender> mail;
	private final Mails mails;
	private final Scheduler senders;

	MailOutbox(Outbox outbox, NotificationProperties settings, ObjectProvider<JavaMailSender> mail,
			UnsubscribeLinks links) {
		this.outbox = outbox;
		this.settings = settings;
		this.mail = mail;
		this.mails = new Mails(settings, links);
		this.senders = Schedulers.newBoundedElastic(settings.senders(), 1_000, "mail");
	}

	@Override
	protected boolean enabled() {
		return settings.enabled() && mail.getIfAvailable() != null;
	}

	@Override
	protected Flux<?> flow() {
		return Flux.interval(settings.sendInterval()).onBackpressureDrop()
				.concatMap(tick -> sendDue().then(sendDigests()));
	}

	@Override
	protected String description() {
		return "Sending mails";
	}

	private Mono<Void> sendDue() {
		return outbox.claimDue(settings.batch(), settings.claimTimeout()).collectList()
				.flatMap(claimed -> dropUnwanted(claimed).thenMany(Flux.fromIterable(claimed).filter(QueuedMail::wanted))
						.flatMap(queued -> deliver(mails.single(queued), List.of(queued.id())), settings.senders())
						.then());
	}

	private Mono<Void> sendDigests() {
		return outbox.claimDigests(settings.batch(), settings.digestInterval())
				.concatMap(subject -> outbox.claimDigest(subject, DIGEST_ITEMS, settings.claimTimeout()).collectList()
						.flatMap(claimed -> {
							List<QueuedMail> wanted = claimed.stream().filter(QueuedMail::wanted).toList();
							Mono<Void> dropped = dropUnwanted(claimed);
							return wanted.isEmpty() ? dropped : dropped.then(deliver(mails.digest(wanted),
									wanted.stream().map(QueuedMail::id).toList()));
						}))
				.then();
	}

	private Mono<Void> dropUnwanted(List<QueuedMail> claimed) {
		List<Long> unwanted = claimed.stream().filter(queued -> !queued.wanted()).map(QueuedMail::id).toList();
		return unwanted.isEmpty() ? Mono.empty() : outbox.dropped(unwanted);
	}

	/** Hands one mail to the SMTP server and records the outcome for the outbox rows it stands for. */
	private Mono<Void> deliver(Mails.Mail message, List<Long> ids) {
		return Mono.fromRunnable(() -> send(message)).subscribeOn(senders)
				.then(Mono.defer(() -> outbox.sent(ids)))
				.onErrorResume(MailFailure.class, ex -> outbox.failed(ids, ex.getMessage(), settings.maxAttempts()));
	}

	private void send(Mails.Mail message) {
		JavaMailSender sender = mail.getObject();
		try {
			MimeMessage mime = sender instanceof JavaMailSenderImpl impl
					? new FixedIdMessage(impl.getSession(), message.messageId()) : sender.createMimeMessage();
			MimeMessageHelper helper = new MimeMessageHelper(mime, true, "UTF-8");
			helper.setFrom(settings.from());
			helper.setTo(message.to());
			helper.setSubject(message.subject().replaceAll("\\p{Cntrl}", " "));
			helper.setText(message.text(), message.html());
			mime.setHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
			mime.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
			mime.setHeader("Auto-Submitted", "auto-generated");
			sender.send(mime);
		}
		catch (MessagingException | MailException ex) {
			throw new MailFailure(ex);
		}
	}

	@Override
	public void destroy() {
		senders.dispose();
	}

	/** A mail the SMTP server did not take, or that could not be written. */
	private static final class MailFailure extends RuntimeException {

		MailFailure(Exception cause) {
			super(cause.getMessage(), cause);
		}
	}

	/** Keeps the Message-ID it is given, so a mail sent again (after a node died mid-send) is known as the same. */
	private static final class FixedIdMessage extends MimeMessage {

		private final String messageId;

		FixedIdMessage(Session session, String messageId) {
			super(session);
			this.messageId = messageId;
		}

		@Override
		protected void updateMessageID() throws MessagingException {
			setHeader("Message-ID", messageId);
		}
	}
}
