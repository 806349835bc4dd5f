package io.redress.thread;

import java.util.List;
import java.util.Map;

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
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * Posting in a thread: the consumer and the brand's members (integrations included) post while the complaint is
 * active; the brand's first message moves an OPEN complaint to IN_PROGRESS, in the same transaction.
 */
@Service
class ThreadManagement {

	static final int MAX_BODY = 10_000;

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
		InputCheck check = new InputCheck().requiredText("body", input.body(), MAX_BODY);
		if (check.failed()) {
			return Mono.just(PostMessagePayload.failed(check.errors()));
		}
		Participation participation = step.participation();
		Complaint complaint = step.complaint();
		Message.AuthorKind author = participation.isConsumer() ? Message.AuthorKind.CONSUMER : Message.AuthorKind.BRAND;
		return messages.insert(complaint.id(), complaint.brandId(), author, participation.viewer().subject(),
				input.visibility(), input.body().strip())
				.flatMap(messageId -> lifecycle.move(step)
						.then(events.append(messagePosted(complaint, messageId, input.visibility())))
						.then(Mono.zip(messages.findById(messageId), access.participation(complaint.id())))
						.map(posted -> new PostMessagePayload(posted.getT1(), posted.getT2().complaint(), List.of())));
	}

	static NewEvent messagePosted(Complaint complaint, long messageId, MessageVisibility visibility) {
		return new NewEvent(ThreadEventType.MESSAGE_POSTED, complaint.brandId(), complaint.id(),
				complaint.consumerId(), visibility == MessageVisibility.PUBLIC ? Visibility.PUBLIC : Visibility.PARTICIPANTS,
				Map.of("messageId", messageId));
	}
}
