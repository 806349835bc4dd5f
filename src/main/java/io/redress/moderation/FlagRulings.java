package io.redress.moderation;

import java.util.List;
import java.util.function.BiFunction;

import io.redress.moderation.ModerationInputs.HideFlaggedContent;
import io.redress.moderation.ModerationInputs.RuleOnFlag;
import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import io.redress.shared.ForbiddenException;
import io.redress.shared.InputCheck;
import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * What moderators do with flags. They hide at once only for personal data or a threat; they rule KEEP, REDACT or
 * REMOVE with a public reason; on an appealed flag ({@link FlagAppeals}) a moderator other than the one who ruled
 * decides with a second, final ruling. Each step is in the audit trail.
 */
@Service
class FlagRulings {

	static final int MAX_REASON = 2000;
	static final int MAX_TEXT = 10_000;

	private final Flags flags;
	private final FlagDirectory directory;
	private final ContentChanges content;
	private final ModerationNotices notices;
	private final TransactionalOperator tx;

	FlagRulings(Flags flags, FlagDirectory directory, ContentChanges content, ModerationNotices notices,
			TransactionalOperator tx) {
		this.flags = flags;
		this.directory = directory;
		this.content = content;
		this.notices = notices;
		this.tx = tx;
	}

	/** Out of public view (and the score) at once, pending the ruling: only for personal data or a threat. */
	Mono<FlagPayload> hide(HideFlaggedContent input) {
		return asModerator(input.flagId(), (viewer, flag) -> {
			if (!flag.reason().allowsHidingAtOnce()) {
				return Mono.just(FlagPayload.failed("flagId", "HIDING_NOT_ALLOWED",
						"Only personal data and threats or extortion are hidden before a ruling; flagged content stays "
								+ "visible while it is reviewed"));
			}
			if (flag.status() != FlagStatus.OPEN || flag.hidden()) {
				return Mono.just(FlagPayload.failed("flagId", "INVALID_STATE",
						"Only an open flag whose content is not hidden yet can have it hidden"));
			}
			return content.hide(flag)
					.then(flags.update(flag.id(), FlagStatus.OPEN, true, null, null))
					.then(flags.record(entry(flag, FlagHistoryEntry.Action.HIDDEN, viewer, null, null, null, null, null)))
					.then(notices.tell(ModerationEventType.CONTENT_HIDDEN, flag, false))
					.then(reread(flag));
		});
	}

	/** A first ruling on an open flag, or the decision on an appealed one by another moderator. */
	Mono<FlagPayload> rule(RuleOnFlag input) {
		return asModerator(input.flagId(), (viewer, flag) -> {
			InputCheck check = new InputCheck().requiredText("reason", input.reason(), MAX_REASON);
			if (input.ruling() == Ruling.REDACT) {
				check.requiredText("redactedText", input.redactedText(), MAX_TEXT);
			}
			else if (input.redactedText() != null) {
				check.add(UserError.of("redactedText", "INVALID",
						"redactedText goes only with a REDACT ruling"));
			}
			if (check.failed()) {
				return Mono.just(FlagPayload.failed(check.errors()));
			}
			String reason = input.reason().strip();
			String text = input.redactedText() == null ? null : input.redactedText().strip();
			return switch (flag.status()) {
				case OPEN -> first(viewer, flag, input.ruling(), reason, text);
				case APPEALED -> viewer.subject().equals(flag.ruledBy())
						? Mono.just(FlagPayload.failed("flagId", "SAME_MODERATOR",
								"An appeal is decided by a moderator other than the one who ruled"))
						: onAppeal(viewer, flag, input.ruling(), reason, text);
				case RULED, FINAL -> Mono.just(FlagPayload.failed("flagId", "INVALID_STATE",
						"This flag is ruled on; only an appeal reopens it"));
			};
		});
	}

	private Mono<FlagPayload> first(Viewer viewer, Flag flag, Ruling ruling, String reason, String text) {
		Mono<String> applied = switch (ruling) {
			case KEEP -> flag.hidden() ? content.release(flag, reason)
					: flag.holds() ? content.endHold(flag, reason).thenReturn("") : Mono.just("");
			case REDACT -> content.redact(flag, text, reason);
			case REMOVE -> content.remove(flag, reason);
		};
		return applied.flatMap(original -> flags.update(flag.id(), FlagStatus.RULED, false, ruling, viewer.subject())
				.then(flags.record(entry(flag, FlagHistoryEntry.Action.RULED, viewer, ruling, reason, null, text,
						ruling == Ruling.REDACT ? original : null))))
				.then(notices.tell(ModerationEventType.FLAG_RULED, flag, true))
				.then(reread(flag));
	}

	/**
	 * The final ruling on an appeal, from the content as the first ruling left it: KEEP restores it as it was,
	 * REDACT redacts the original anew, REMOVE removes it (or upholds the removal).
	 */
	private Mono<FlagPayload> onAppeal(Viewer viewer, Flag flag, Ruling ruling, String reason, String text) {
		return flags.history(List.of(flag.id())).filter(FlagHistoryEntry::isRuling).last()
				.flatMap(previous -> {
					boolean wasRemoved = previous.ruling() == Ruling.REMOVE;
					// The text before any redaction: kept by a first REDACT, or still in place after a REMOVE.
					Mono<String> applied = switch (ruling) {
						case KEEP -> content.reinstate(flag, previous.originalText(), reason).thenReturn("");
						case REDACT -> wasRemoved
								? content.reinstate(flag, null, reason).then(content.redact(flag, text, reason))
								: content.redact(flag, text, reason).thenReturn(previous.originalText());
						case REMOVE -> wasRemoved ? Mono.just("") : content.remove(flag, reason);
					};
					return applied.flatMap(original -> flags.update(flag.id(), FlagStatus.FINAL, false, ruling,
							viewer.subject())
							.then(flags.record(entry(flag, FlagHistoryEntry.Action.APPEAL_DECIDED, viewer, ruling,
									reason, null, text, ruling == Ruling.REDACT ? original : null))));
				})
				.then(notices.tell(ModerationEventType.APPEAL_DECIDED, flag, true))
				.then(reread(flag));
	}

	/** Runs {@code work} for a moderator on the locked flag, in one transaction; anyone else is FORBIDDEN. */
	private Mono<FlagPayload> asModerator(String flagId, BiFunction<Viewer, Flag, Mono<FlagPayload>> work) {
		return CurrentViewer.required().flatMap(viewer -> {
			if (!viewer.isModerator()) {
				return Mono.error(new ForbiddenException("Only moderators rule on flags"));
			}
			return tx.transactional(locked(flagId).flatMap(flag -> work.apply(viewer, flag)));
		});
	}

	private Mono<Flag> locked(String flagId) {
		return flags.lock(flagId);
	}

	private Mono<FlagPayload> reread(Flag flag) {
		return directory.reread(flag);
	}

	private static FlagHistoryEntry entry(Flag flag, FlagHistoryEntry.Action action, Viewer viewer, Ruling ruling,
			String reason, String note, String redactedText, String originalText) {
		return FlagHistoryEntry.of(flag, action, viewer, ruling, reason, note, redactedText, originalText);
	}
}
