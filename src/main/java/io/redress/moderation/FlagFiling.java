package io.redress.moderation;

import java.util.Optional;
import java.util.Set;

import io.redress.account.AccountManagement;
import io.redress.complaint.Complaint;
import io.redress.complaint.ComplaintAccess;
import io.redress.complaint.Participation;
import io.redress.moderation.ModerationInputs.FlagContent;
import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import io.redress.shared.GlobalId;
import io.redress.shared.InputCheck;
import io.redress.shared.NotFoundException;
import io.redress.thread.FlaggableMessage;
import io.redress.thread.MessageModeration;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Flagging: any signed-in user who can read a complaint or message may flag it, once while their flag is open.
 * Flagging changes nothing a reader sees; a moderator decides.
 */
@Service
class FlagFiling {

	static final int MAX_NOTE = 1000;

	private final Flags flags;
	private final FlagDirectory directory;
	private final ComplaintAccess complaints;
	private final MessageModeration messages;
	private final AccountManagement accounts;
	private final ModerationNotices notices;
	private final TransactionalOperator tx;

	FlagFiling(Flags flags, FlagDirectory directory, ComplaintAccess complaints, MessageModeration messages,
			AccountManagement accounts, ModerationNotices notices, TransactionalOperator tx) {
		this.flags = flags;
		this.directory = directory;
		this.complaints = complaints;
		this.messages = messages;
		this.accounts = accounts;
		this.notices = notices;
		this.tx = tx;
	}

	/** A target the caller cannot read answers NOT_FOUND, exactly as one that does not exist. */
	Mono<FlagPayload> flag(FlagContent input) {
		return CurrentViewer.required().flatMap(viewer -> {
			InputCheck check = new InputCheck().optionalText("note", input.note(), MAX_NOTE);
			if (check.failed()) {
				return Mono.just(FlagPayload.failed(check.errors()));
			}
			String note = input.note() == null ? null : input.note().strip();
			return target(input.targetId())
					.switchIfEmpty(Mono.error(() -> new NotFoundException("Flag target")))
					.flatMap(target -> accounts.profileOf(viewer).flatMap(flagger -> {
						Flag flag = new Flag(0, target.kind(), target.id(), target.complaint().id(),
								target.complaint().brandId(), flagger.id(), target.authorId().orElse(null),
								askedBy(target.participation(), viewer), input.reason(), null, note, FlagStatus.OPEN, false,
								null, null, null, false);
						return tx.transactional(flags.insert(flag).flatMap(id -> flags.findById(id))
								.flatMap(saved -> flags.record(new FlagHistoryEntry(saved.id(),
										FlagHistoryEntry.Action.FLAGGED, viewer.subject(), null, null, note, null, null,
										null))
										.then(notices.record(ModerationEventType.FLAG_RAISED, saved))
										.then(directory.seen(saved)))
								.map(FlagPayload::ok)
								.switchIfEmpty(Mono.fromSupplier(() -> FlagPayload.failed("targetId", "ALREADY_FLAGGED",
										"You already have an open flag on this; a moderator will rule on it"))));
					}));
		});
	}

	private Mono<Target> target(String targetId) {
		Optional<GlobalId> id = GlobalId.decode(targetId);
		if (id.isEmpty()) {
			return Mono.empty();
		}
		long rowId = id.get().id();
		return switch (id.get().type()) {
			case Complaint.TYPE -> readable(rowId).map(participation -> new Target(Flag.TargetKind.COMPLAINT, rowId,
					participation, Optional.of(participation.complaint().consumerId())));
			case "Message" -> messages.readable(rowId).flatMap(message -> readable(message.complaintId())
					.flatMap(participation -> authorOf(message, participation.complaint())
							.map(author -> new Target(Flag.TargetKind.MESSAGE, rowId, participation, author))));
			default -> Mono.empty();
		};
	}

	private Mono<Participation> readable(long complaintId) {
		return complaints.participation(complaintId).onErrorResume(NotFoundException.class, ex -> Mono.empty());
	}

	/**
	 * The consumer's profile for their messages, the member's for the brand's (made now if the member never had one,
	 * so they can be told and appeal); none for Redress's own.
	 */
	private Mono<Optional<Long>> authorOf(FlaggableMessage message, Complaint complaint) {
		if (message.byConsumer()) {
			return Mono.just(Optional.of(complaint.consumerId()));
		}
		if (message.authorSubject() == null) {
			return Mono.just(Optional.empty());
		}
		return accounts.profileOf(new Viewer(message.authorSubject(), Set.of())).map(profile -> Optional.of(profile.id()));
	}

	/**
	 * Which side asked: the complaint's consumer, the brand's members (and the partners it brought into the case),
	 * platform staff, or the public (as consumers).
	 */
	private static AskedBy askedBy(Participation participation, Viewer viewer) {
		if (participation.isConsumer()) {
			return AskedBy.CONSUMER;
		}
		if (participation.speaksForBrand() || participation.speaksForPartner()) {
			return AskedBy.BRAND;
		}
		return viewer.isModerator() ? AskedBy.PLATFORM : AskedBy.CONSUMER;
	}

	private record Target(Flag.TargetKind kind, long id, Participation participation, Optional<Long> authorId) {

		Complaint complaint() {
			return participation.complaint();
		}
	}
}
