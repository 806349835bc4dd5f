package io.redress.thread;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.redress.brand.SavedReplyManagement;
import io.redress.complaint.Complaint;
import io.redress.complaint.ComplaintAccess;
import io.redress.complaint.ComplaintAction;
import io.redress.complaint.ComplaintLifecycle;
import io.redress.complaint.LifecycleStep;
import io.redress.complaint.Participation;
import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.realtime.Visibility;
import io.redress.shared.ForbiddenException;
import io.redress.shared.InputCheck;
import io.redress.shared.RequestHash;
import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Posting in a thread: the consumer, the brand's members (integrations included) and the members of partners brought
 * into the case post while the complaint is active; the brand's first message moves an OPEN complaint to
 * IN_PROGRESS, in the same transaction. A partner's message shows under the partner's name; the consumer may keep a
 * private message from partners, when posting it or later.
 */
@Service
class ThreadManagement {

	static final int MAX_BODY = 10_000;
	static final int MAX_IDEMPOTENCY_KEY = 100;

	private final ComplaintAccess access;
	private final ComplaintLifecycle lifecycle;
	private final Messages messages;
	private final EventLog events;
	private final SavedReplyManagement replies;

	ThreadManagement(ComplaintAccess access, ComplaintLifecycle lifecycle, Messages messages, EventLog events,
			SavedReplyManagement replies) {
		this.replies = replies;
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
		Participation participation = step.participation();
		InputCheck check = new InputCheck().requiredText("body", input.body(), MAX_BODY)
				.optionalText("idempotencyKey", input.idempotencyKey(), MAX_IDEMPOTENCY_KEY);
		if (input.kept() && !participation.isConsumer()) {
			check.add(UserError.of("keepFromPartners", "CONSUMER_ONLY",
					"Only the consumer keeps messages from partners"));
		}
		else if (input.kept() && input.visibility() != MessageVisibility.PRIVATE) {
			check.add(UserError.of("keepFromPartners", "PRIVATE_ONLY",
					"Only a private message can be kept from partners; a public one is everyone's"));
		}
		if (check.failed()) {
			return Mono.just(PostMessagePayload.failed(check.errors()));
		}
		Complaint complaint = step.complaint();
		boolean internal = input.visibility() == MessageVisibility.INTERNAL;
		if (internal && !complaint.insider()) {
			return Mono.error(new ForbiddenException("Internal notes are for the brand's team"));
		}
		Message.AuthorKind author = participation.isConsumer() ? Message.AuthorKind.CONSUMER
				: participation.speaksForPartner() ? Message.AuthorKind.PARTNER : Message.AuthorKind.BRAND;
		String subject = participation.viewer().subject();
		String written = input.body().strip();
		String hash = input.idempotencyKey() == null ? null
				: RequestHash.of(input.visibility().name(), written, Boolean.toString(input.kept()));
		Mono<String> filled = author == Message.AuthorKind.BRAND
				? replies.fill(written, complaint.brandId(), complaint.authorName()) : Mono.just(written);
		// An internal note is not a reply: it neither moves the complaint nor stops the response-time clock.
		Mono<Void> moved = internal ? Mono.empty() : lifecycle.move(step);
		return filled.flatMap(body -> messages.insert(complaint.id(), complaint.brandId(), author, subject,
				input.visibility(), body, input.idempotencyKey(), hash, participation.partnerBrandId(), input.kept()))
				.map(Optional::of).defaultIfEmpty(Optional.empty())
				.flatMap(inserted -> inserted.isPresent()
						? moved.then(lifecycle.touch(step))
								.then(events.append(messagePosted(complaint, inserted.get(), author, input.visibility(),
										input.kept())))
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
		return messagePosted(complaint, messageId, author, visibility, false);
	}

	/**
	 * A message's event: an internal note's reaches the brand's side only; one the consumer kept from partners says
	 * so, and partners never receive it.
	 */
	static NewEvent messagePosted(Complaint complaint, long messageId, Message.AuthorKind author,
			MessageVisibility visibility, boolean keptFromPartners) {
		NewEvent posted = new NewEvent(ThreadEventType.MESSAGE_POSTED, complaint.brandId(), complaint.id(),
				complaint.consumerId(), switch (visibility) {
					case PUBLIC -> Visibility.PUBLIC;
					case PRIVATE -> Visibility.PARTICIPANTS;
					case INTERNAL -> Visibility.BRAND;
				}, Map.of("messageId", messageId, ThreadEventType.AUTHOR_KIND, author.name()));
		return keptFromPartners ? posted.with(KEPT_FROM_PARTNERS, true) : posted;
	}

	/** The payload key that keeps an event from the partners in the case. */
	static final String KEPT_FROM_PARTNERS = "keptFromPartners";
}
