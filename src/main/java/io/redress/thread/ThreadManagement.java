package io.redress.thread;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.redress.complaint.Complaint;
import io.redress.complaint.ComplaintAccess;
import io.redress.complaint.ComplaintAction;
import io.redress.complaint.ComplaintLifecycle;
import io.redress.complaint.LifecycleStep;
import io.redress.complaint.Participation;
import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.realtime.Visibility;
import io.redress.shared.InputCheck;
import io.redress.shared.RequestHash;
import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Posting in a thread: the consumer and the brand's members (integrations included) post while the complaint is
 * active; the brand's first message moves an OPEN complaint to IN_PROGRESS, in the same transaction.
 */
@Service
class ThreadManagement {

	static final int MAX_BODY = 10_000;
	static final int MAX_IDEMPOTENCY_KEY = 100;

	private final ComplaintAccess access;
	private final ComplaintLifecycle lifecycle;
	private final Messages messages;
	private final EventLog events;

	ThreadManagement(ComplaintAccess access, ComplaintLifecycle lifecycle, Messages messages, EventLog events) {
		this.access = access;
		this.lifecycle = lifecycle;
		this.messages = messages;
		this.events = events;
	}

	/** Posting is a lifecycle action: the complaint's state machine says who may post when, and what it moves. */
	public Mono<PostMessagePayload> post(PostMessageInput input) {
		return lifecycle.take(input.complaintId(), ComplaintAction.POST_MESSAGE, PostMessagePayload::failed,
				step -> post(step, input));
	}

	private Mono<PostMessagePayload> post(LifecycleStep step, PostMessageInput input) {
		InputCheck check = new InputCheck().requiredText("body", input.body(), MAX_BODY)
				.optionalText("idempotencyKey", input.idempotencyKey(), MAX_IDEMPOTENCY_KEY);
		if (check.failed()) {
			return Mono.just(PostMessagePayload.failed(check.errors()));
		}
		Participation participation = step.participation();
		Complaint complaint = step.complaint();
		Message.AuthorKind author = participation.isConsumer() ? Message.AuthorKind.CONSUMER : Message.AuthorKind.BRAND;
		String subject = participation.viewer().subject();
		String body = input.body().strip();
		String hash = input.idempotencyKey() == null ? null : RequestHash.of(input.visibility().name(), body);
		return messages.insert(complaint.id(), complaint.brandId(), author, subject, input.visibility(), body,
				input.idempotencyKey(), hash)
				.map(Optional::of).defaultIfEmpty(Optional.empty())
				.flatMap(inserted -> inserted.isPresent()
						? lifecycle.move(step)
								.then(events.append(messagePosted(complaint, inserted.get(), author, input.visibility())))
								.then(posted(complaint, inserted.get()))
						: retried(complaint, subject, input.idempotencyKey(), hash));
	}

	/** A retry of a post that committed: the first message, with nothing written again; other content is refused. */
	private Mono<PostMessagePayload> retried(Complaint complaint, String subject, String idempotencyKey, String hash) {
		return messages.byIdempotencyKey(complaint.id(), subject, idempotencyKey)
				.flatMap(earlier -> earlier.requestHash().equals(hash) ? posted(complaint, earlier.messageId())
						: Mono.just(PostMessagePayload.failed(List.of(UserError.of("idempotencyKey",
								"IDEMPOTENCY_KEY_REUSED", "This idempotency key was used for another message")))));
	}

	private Mono<PostMessagePayload> posted(Complaint complaint, long messageId) {
		return Mono.zip(messages.findById(messageId), access.participation(complaint.id()))
				.map(posted -> new PostMessagePayload(posted.getT1(), posted.getT2().complaint(), List.of()));
	}

	static NewEvent messagePosted(Complaint complaint, long messageId, Message.AuthorKind author,
			MessageVisibility visibility) {
		return new NewEvent(ThreadEventType.MESSAGE_POSTED, complaint.brandId(), complaint.id(),
				complaint.consumerId(), visibility == MessageVisibility.PUBLIC ? Visibility.PUBLIC : Visibility.PARTICIPANTS,
				Map.of("messageId", messageId, ThreadEventType.AUTHOR_KIND, author.name()));
	}
}
