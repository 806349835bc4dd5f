package io.redress.thread;

import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import io.redress.complaint.Complaint;
import io.redress.complaint.ComplaintAction;
import io.redress.complaint.ComplaintLifecycle;
import io.redress.complaint.ModerationStatus;
import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.realtime.Visibility;
import io.redress.shared.GlobalId;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * What a moderator's ruling does to a message, for the moderation module. Each change is the lifecycle's
 * {@link ComplaintAction#MODERATE} on the message's complaint (moderators only, never one of its sides), runs in the
 * caller's transaction, writes {@code MESSAGE_MODERATED}, and answers the message's text before the change.
 */
@Service
public class MessageModeration {

	private final MessageDirectory directory;
	private final Messages messages;
	private final ComplaintLifecycle lifecycle;
	private final EventLog events;

	MessageModeration(MessageDirectory directory, Messages messages, ComplaintLifecycle lifecycle, EventLog events) {
		this.directory = directory;
		this.messages = messages;
		this.lifecycle = lifecycle;
		this.events = events;
	}

	/** A message the viewer may read, as moderation needs it; empty, as for a missing one, when they may not. */
	public Mono<FlaggableMessage> readable(long messageId) {
		return directory.byId(messageId).flatMap(message -> messages.authorSubject(messageId)
				.map(Optional::ofNullable).defaultIfEmpty(Optional.empty())
				.map(subject -> new FlaggableMessage(message.id(), message.complaintId(),
						message.authorKind() == Message.AuthorKind.CONSUMER, subject.orElse(null))));
	}

	/** Out of public view while a moderator reviews it; a removed message stays removed. */
	public Mono<String> hide(long messageId) {
		return change(messageId, before -> new Change(before.moderation() == ModerationStatus.REMOVED
				? ModerationStatus.REMOVED : ModerationStatus.HIDDEN, before.body(), before.redacted()));
	}

	/** Public again after a review that kept it; a removed message stays removed. */
	public Mono<String> release(long messageId) {
		return change(messageId, before -> new Change(removedOrNone(before), before.body(), before.redacted()));
	}

	/** Out of public view for good (unless an appeal reinstates it); participants still read it. */
	public Mono<String> remove(long messageId) {
		return change(messageId, before -> new Change(ModerationStatus.REMOVED, before.body(), before.redacted()));
	}

	/** Public again, with its original text when it had been redacted. */
	public Mono<String> reinstate(long messageId, String originalBody) {
		return change(messageId, before -> new Change(null, originalBody == null ? before.body() : originalBody,
				originalBody == null && before.redacted()));
	}

	/** The text replaced by {@code text}; public again if it was hidden for review. */
	public Mono<String> redact(long messageId, String text) {
		return change(messageId, before -> new Change(removedOrNone(before), text, true));
	}

	private static ModerationStatus removedOrNone(Message message) {
		return message.moderation() == ModerationStatus.REMOVED ? ModerationStatus.REMOVED : null;
	}

	private Mono<String> change(long messageId, Function<Message, Change> change) {
		return messages.findById(messageId).flatMap(found -> lifecycle.take(
				GlobalId.encode(Complaint.TYPE, found.complaintId()), ComplaintAction.MODERATE,
				errors -> {
					throw new IllegalStateException("Moderation is allowed in every state: " + errors);
				},
				step -> messages.findById(messageId).flatMap(before -> {
					Change after = change.apply(before);
					Complaint complaint = step.complaint();
					return messages.moderate(messageId, after.moderation(), after.body(), after.redacted())
							.then(events.append(new NewEvent(ThreadEventType.MESSAGE_MODERATED, complaint.brandId(),
									complaint.id(), complaint.consumerId(), Visibility.PARTICIPANTS,
									Map.of("messageId", messageId))))
							.thenReturn(before.body());
				})));
	}

	private record Change(ModerationStatus moderation, String body, boolean redacted) {
	}
}
