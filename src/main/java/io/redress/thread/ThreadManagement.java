package io.redress.thread;

import java.util.List;
import java.util.Map;

import io.redress.complaint.ComplaintAccess;
import io.redress.complaint.ComplaintLifecycle;
import io.redress.complaint.Complaint;
import io.redress.complaint.Participation;
import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.realtime.Visibility;
import io.redress.security.CurrentViewer;
import io.redress.shared.ForbiddenException;
import io.redress.shared.GlobalId;
import io.redress.shared.InputCheck;
import io.redress.shared.NotFoundException;
import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Posting in a thread: the consumer and the brand's members (integrations included) post while the complaint is
 * active; the brand's first message moves an OPEN complaint to IN_PROGRESS, in the same transaction.
 */
@Service
public class ThreadManagement {

	static final int MAX_BODY = 10_000;

	private final ComplaintAccess access;
	private final ComplaintLifecycle lifecycle;
	private final Messages messages;
	private final EventLog events;
	private final TransactionalOperator tx;

	ThreadManagement(ComplaintAccess access, ComplaintLifecycle lifecycle, Messages messages, EventLog events,
			TransactionalOperator tx) {
		this.access = access;
		this.lifecycle = lifecycle;
		this.messages = messages;
		this.events = events;
		this.tx = tx;
	}

	public Mono<PostMessagePayload> post(PostMessageInput input) {
		return CurrentViewer.required()
				.then(Mono.justOrEmpty(GlobalId.decode(input.complaintId(), Complaint.TYPE))
						.switchIfEmpty(Mono.error(() -> new NotFoundException("Complaint"))))
				.flatMap(complaintId -> tx.transactional(access.lockedParticipation(complaintId)
						.flatMap(participation -> post(participation, input))));
	}

	private Mono<PostMessagePayload> post(Participation participation, PostMessageInput input) {
		if (!participation.isConsumer() && !participation.speaksForBrand()) {
			return Mono.error(new ForbiddenException("Only the consumer and the brand's team post in this thread"));
		}
		Complaint complaint = participation.complaint();
		if (!complaint.status().isActive()) {
			return Mono.just(PostMessagePayload.failed(List.of(UserError.of("complaintId", "INVALID_STATE",
					"The complaint is " + complaint.status() + ", so its thread is closed"))));
		}
		InputCheck check = new InputCheck().requiredText("body", input.body(), MAX_BODY);
		if (check.failed()) {
			return Mono.just(PostMessagePayload.failed(check.errors()));
		}
		Message.AuthorKind author = participation.isConsumer() ? Message.AuthorKind.CONSUMER : Message.AuthorKind.BRAND;
		Mono<Void> brandReply = author == Message.AuthorKind.BRAND ? lifecycle.recordBrandReply(complaint) : Mono.empty();
		return messages.insert(complaint.id(), complaint.brandId(), author, participation.viewer().subject(),
				input.visibility(), input.body().strip())
				.flatMap(messageId -> brandReply
						.then(events.append(messagePosted(complaint, messageId, input.visibility(),
								author == Message.AuthorKind.BRAND && complaint.firstResponseAt() == null)))
						.then(Mono.zip(messages.findById(messageId), access.participation(complaint.id())))
						.map(posted -> new PostMessagePayload(posted.getT1(), posted.getT2().complaint(), List.of())));
	}

	/** A message event; {@code firstResponse} marks the brand's first reply, which stops the response-time clock. */
	static NewEvent messagePosted(Complaint complaint, long messageId, MessageVisibility visibility,
			boolean firstResponse) {
		return new NewEvent("MESSAGE_POSTED", complaint.brandId(), complaint.id(), complaint.consumerId(),
				visibility == MessageVisibility.PUBLIC ? Visibility.PUBLIC : Visibility.PARTICIPANTS,
				firstResponse ? Map.of("messageId", messageId, "firstResponse", true) : Map.of("messageId", messageId));
	}
}
