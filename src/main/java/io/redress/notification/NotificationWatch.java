package io.redress.notification;

import java.time.Duration;
import java.util.List;

import io.redress.complaint.ComplaintEventType;
import io.redress.complaint.ResolutionManagement;
import io.redress.realtime.EventCursor;
import io.redress.realtime.EventStreams;
import io.redress.realtime.StoredEvent;
import io.redress.realtime.Visibility;
import io.redress.shared.ContinuousFlow;
import io.redress.thread.ThreadEventType;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Turns events into queued mails: a filing (the brand's members who opted in, and an invitation to an unclaimed
 * brand's address), a message (to the other side), a proposal (to the consumer, and a reminder before it is accepted
 * on their behalf), a target due soon or overdue (the brand's members who opted in), a follow-up (to the consumer).
 * It follows the log from the position in {@code notification_feed}; each batch is queued in one
 * transaction that locks that position, so an event queues its mails once whichever node reads it, and a node that
 * restarts goes on from there. Switched on for the first time, it starts from the log's present.
 */
@Component
class NotificationWatch extends ContinuousFlow {

	private final EventStreams streams;
	private final NotificationFeed feed;
	private final Outbox outbox;
	private final TransactionalOperator tx;
	private final NotificationProperties settings;
	private final JsonMapper json;
	private final ObjectProvider<JavaMailSender> mail;

	NotificationWatch(EventStreams streams, NotificationFeed feed, Outbox outbox, TransactionalOperator tx,
			NotificationProperties settings, JsonMapper json, ObjectProvider<JavaMailSender> mail) {
		this.streams = streams;
		this.feed = feed;
		this.outbox = outbox;
		this.tx = tx;
		this.settings = settings;
		this.json = json;
		this.mail = mail;
	}

	@Override
	protected boolean enabled() {
		return settings.enabled() && mail.getIfAvailable() != null;
	}

	@Override
	protected Flux<?> flow() {
		return feed.position().flatMapMany(streams::followFromStored)
				.bufferTimeout(settings.batch(), Duration.ofMillis(20), true)
				.concatMap(this::queue);
	}

	@Override
	protected String description() {
		return "Queueing notifications";
	}

	/** Queues a batch once: events the stored position has passed were queued by another node already. */
	Mono<Void> queue(List<StoredEvent> batch) {
		EventCursor last = batch.get(batch.size() - 1).cursor();
		return tx.transactional(feed.lock().flatMap(queued -> Flux.fromIterable(batch)
				.filter(event -> event.cursor().isAfter(queued) && aboutAComplaint(event))
				.concatMap(this::mailsOf)
				.then(feed.advance(last))));
	}

	private static boolean aboutAComplaint(StoredEvent event) {
		return event.brandId() != null && event.complaintId() != null && event.consumerId() != null;
	}

	private Mono<Void> mailsOf(StoredEvent event) {
		long brand = event.brandId();
		long complaint = event.complaintId();
		long consumer = event.consumerId();
		long position = event.cursor().position();
		if (event.visibility() == Visibility.ADDRESSEE) {
			// A brand event copied to the case's assignee in person (the consumer id is then theirs): the team's
			// mails come from the brand's own event.
			boolean overdue = event.is(ComplaintEventType.FIRST_RESPONSE_OVERDUE)
					|| event.is(ComplaintEventType.RESOLUTION_OVERDUE);
			return overdue ? outbox.queueForAssignee(NotificationKind.ASSIGNED_OVERDUE, NotificationKind.TARGET_OVERDUE,
					brand, complaint, consumer, position) : Mono.empty();
		}
		if (event.is(ComplaintEventType.COMPLAINT_FILED)) {
			return outbox.queueForMembers(NotificationKind.NEW_COMPLAINT, brand, complaint, consumer, position)
					.then(outbox.queueInvitation(brand, complaint, position, settings.invitationInterval()));
		}
		if (event.is(ThreadEventType.MESSAGE_POSTED)) {
			String author = json.readTree(event.payload()).path(ThreadEventType.AUTHOR_KIND).asString("");
			return switch (author) {
				case "CONSUMER" -> outbox.queueForMembers(NotificationKind.CONSUMER_REPLY, brand, complaint, consumer,
						position);
				case "BRAND" -> outbox.queueForConsumer(NotificationKind.BRAND_REPLY, brand, complaint, consumer,
						position, event.occurredAt(), true);
				default -> Mono.empty();
			};
		}
		if (event.is(ComplaintEventType.RESOLUTION_PROPOSED)) {
			return outbox.queueForConsumer(NotificationKind.RESOLUTION_PROPOSED, brand, complaint, consumer, position,
					event.occurredAt(), true)
					.then(outbox.queueForConsumer(NotificationKind.PROPOSAL_REMINDER, brand, complaint, consumer,
							position, event.occurredAt().plus(ResolutionManagement.ANSWER_WINDOW.minus(settings.reminderBefore())),
							false));
		}
		if (event.is(ComplaintEventType.DUE_SOON)) {
			return outbox.queueForMembers(NotificationKind.TARGET_DUE_SOON, brand, complaint, consumer, position);
		}
		if (event.is(ComplaintEventType.FIRST_RESPONSE_OVERDUE) || event.is(ComplaintEventType.RESOLUTION_OVERDUE)) {
			return outbox.queueForMembers(NotificationKind.TARGET_OVERDUE, brand, complaint, consumer, position);
		}
		if (event.is(ComplaintEventType.FOLLOW_UP_DUE)) {
			return outbox.queueForConsumer(NotificationKind.FOLLOW_UP_DUE, brand, complaint, consumer, position,
					event.occurredAt(), true);
		}
		return Mono.empty();
	}
}
