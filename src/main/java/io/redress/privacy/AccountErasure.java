package io.redress.privacy;

import java.util.List;
import java.util.Optional;

import io.redress.account.AccountManagement;
import io.redress.account.Profile;
import io.redress.brand.BrandForgetting;
import io.redress.complaint.ComplaintAnonymisation;
import io.redress.moderation.ModerationForgetting;
import io.redress.notification.NotificationForgetting;
import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import io.redress.shared.UserError;
import io.redress.thread.ThreadScrubbing;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Erasing the caller's account, in one transaction, each module changing only its own tables: the brand module
 * forgets their memberships and claims (refusing while they own a brand alone), the complaint module anonymises their
 * complaints and records the erasure (which ends their subscriptions), the thread module scrubs their messages,
 * moderation forgets their notes and the originals of redactions of their content, the notification module their
 * addresses, settings and mails, and the account module unlinks
 * their profile from the token subject. Complaints, outcomes and ratings stay, so no score moves.
 */
@Service
class AccountErasure {

	static final String CONFIRMATION = "ERASE";

	private final AccountManagement accounts;
	private final BrandForgetting brands;
	private final ComplaintAnonymisation complaints;
	private final ThreadScrubbing threads;
	private final ModerationForgetting moderation;
	private final NotificationForgetting notifications;
	private final TransactionalOperator tx;

	AccountErasure(AccountManagement accounts, BrandForgetting brands, ComplaintAnonymisation complaints,
			ThreadScrubbing threads, ModerationForgetting moderation, NotificationForgetting notifications,
			TransactionalOperator tx) {
		this.notifications = notifications;
		this.accounts = accounts;
		this.brands = brands;
		this.complaints = complaints;
		this.threads = threads;
		this.moderation = moderation;
		this.tx = tx;
	}

	Mono<EraseAccountPayload> erase(EraseAccountInput input) {
		return CurrentViewer.required().flatMap(viewer -> {
			if (!CONFIRMATION.equals(input.confirm())) {
				return Mono.just(EraseAccountPayload.failed(List.of(UserError.of("confirm", "CONFIRMATION_REQUIRED",
						"Type " + CONFIRMATION + " to confirm that your account and personal data go for good"))));
			}
			return tx.transactional(accounts.lockedProfileOf(viewer).map(Optional::of).defaultIfEmpty(Optional.empty())
					.flatMap(profile -> brands.forget(viewer.subject()).flatMap(errors -> errors.isEmpty()
							? erase(viewer, profile).thenReturn(EraseAccountPayload.done())
							: Mono.just(EraseAccountPayload.failed(errors)))));
		});
	}

	/** What is left once the brand module has let the person go; a person who never filed has no profile. */
	private Mono<Void> erase(Viewer viewer, Optional<Profile> profile) {
		Mono<Void> asMember = complaints.forgetBrandMember(viewer.subject())
				.then(threads.forgetBrandMember(viewer.subject()))
				.then(moderation.forget(profile.map(Profile::id).orElse(null), viewer.subject()))
				.then(notifications.forget(viewer.subject()));
		return profile.map(consumer -> asMember
				.then(complaints.anonymise(consumer.id()))
				.then(threads.scrub(consumer.id()))
				.then(accounts.erase(consumer)))
				.orElse(asMember);
	}
}
