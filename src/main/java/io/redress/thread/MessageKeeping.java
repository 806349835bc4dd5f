package io.redress.thread;

import java.util.List;
import java.util.Map;

import io.redress.complaint.Complaint;
import io.redress.complaint.ComplaintAction;
import io.redress.complaint.ComplaintLifecycle;
import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.realtime.Visibility;
import io.redress.security.CurrentViewer;
import io.redress.shared.GlobalId;
import io.redress.shared.NotFoundException;
import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * The consumer keeps a private message of their thread (theirs or the brand's) from the partners brought into the
 * case, or shows it to them again. Partners then read neither the message nor its events; everyone else is unchanged.
 */
@Service
class MessageKeeping {

	private final Messages messages;
	private final MessageDirectory directory;
	private final ComplaintLifecycle lifecycle;
	private final EventLog events;

	MessageKeeping(Messages messages, MessageDirectory directory, ComplaintLifecycle lifecycle, EventLog events) {
		this.messages = messages;
		this.directory = directory;
		this.lifecycle = lifecycle;
		this.events = events;
	}

	/** A message the caller may not read is NOT_FOUND, as a missing one; one they read but is not theirs to keep, FORBIDDEN. */
	Mono<KeepMessageFromPartnersPayload> keep(KeepMessageFromPartnersInput input) {
		long id = GlobalId.decode(input.messageId(), Message.TYPE).orElseThrow(() -> new NotFoundException("Message"));
		boolean kept = input.kept() == null || input.kept();
		return CurrentViewer.required().then(directory.byId(id))
				.switchIfEmpty(Mono.error(() -> new NotFoundException("Message")))
				.flatMap(message -> lifecycle.take(GlobalId.encode(Complaint.TYPE, message.complaintId()),
						ComplaintAction.KEEP_FROM_PARTNERS, KeepMessageFromPartnersPayload::failed, step -> {
							if (message.visibility() != MessageVisibility.PRIVATE) {
								return Mono.just(KeepMessageFromPartnersPayload.failed(List.of(UserError.of("messageId",
										"PRIVATE_ONLY", "Only a private message can be kept from partners"))));
							}
							Complaint complaint = step.complaint();
							return messages.keepFromPartners(id, kept)
									.flatMap(changed -> changed ? events.append(event(complaint, id, kept)) : Mono.empty())
									.then(directory.byId(id))
									.map(changed -> new KeepMessageFromPartnersPayload(changed, List.of()));
						}));
	}

	private static NewEvent event(Complaint complaint, long messageId, boolean kept) {
		NewEvent event = new NewEvent(kept ? ThreadEventType.MESSAGE_KEPT_FROM_PARTNERS
				: ThreadEventType.MESSAGE_SHOWN_TO_PARTNERS, complaint.brandId(), complaint.id(), complaint.consumerId(),
				Visibility.PARTICIPANTS, Map.of("messageId", messageId));
		return kept ? event.with(ThreadManagement.KEPT_FROM_PARTNERS, true) : event;
	}
}
