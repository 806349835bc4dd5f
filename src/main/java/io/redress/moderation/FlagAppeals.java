package io.redress.moderation;

import java.util.Objects;

import io.redress.account.AccountManagement;
import io.redress.moderation.ModerationInputs.AppealRuling;
import io.redress.security.CurrentViewer;
import io.redress.shared.ForbiddenException;
import io.redress.shared.InputCheck;
import io.redress.shared.NotFoundException;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The author's appeal: once, against a redaction or a removal of their content. Another moderator decides it with
 * {@link FlagRulings#rule}. A flag the caller cannot read answers NOT_FOUND; one they read but did not author,
 * FORBIDDEN.
 */
@Service
class FlagAppeals {

	private final Flags flags;
	private final FlagDirectory directory;
	private final ModerationNotices notices;
	private final AccountManagement accounts;
	private final TransactionalOperator tx;

	FlagAppeals(Flags flags, FlagDirectory directory, ModerationNotices notices, AccountManagement accounts,
			TransactionalOperator tx) {
		this.flags = flags;
		this.directory = directory;
		this.notices = notices;
		this.accounts = accounts;
		this.tx = tx;
	}

	Mono<FlagPayload> appeal(AppealRuling input) {
		return CurrentViewer.required().flatMap(viewer -> accounts.profileOf(viewer).flatMap(profile -> {
			InputCheck check = new InputCheck().requiredText("note", input.note(), FlagFiling.MAX_NOTE);
			if (check.failed()) {
				return Mono.just(FlagPayload.failed(check.errors()));
			}
			return tx.transactional(flags.lock(input.flagId()).flatMap(flag -> {
				if (!Objects.equals(flag.authorId(), profile.id())) {
					return directory.seen(flag).flatMap(readable -> Mono.<FlagPayload>error(
							new ForbiddenException("Only the author of the content may appeal")))
							.switchIfEmpty(Mono.error(() -> new NotFoundException("Flag")));
				}
				if (flag.status() == FlagStatus.APPEALED || flag.status() == FlagStatus.FINAL) {
					return Mono.just(FlagPayload.failed("flagId", "ALREADY_APPEALED", "A ruling is appealed once"));
				}
				if (flag.status() != FlagStatus.RULED || !flag.ruling().appealable()) {
					return Mono.just(FlagPayload.failed("flagId", "NOTHING_TO_APPEAL",
							"Only a redaction or a removal of your content can be appealed"));
				}
				return flags.update(flag.id(), FlagStatus.APPEALED, false, flag.ruling(), flag.ruledBy())
						.then(flags.record(FlagHistoryEntry.of(flag, FlagHistoryEntry.Action.APPEALED, viewer, null,
								null, input.note().strip(), null, null)))
						.then(notices.record(ModerationEventType.APPEAL_FILED, flag))
						.then(directory.reread(flag));
			}));
		}));
	}
}
