package io.redress.brand;

import java.util.Optional;

import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Making and withdrawing invitations, with their events, for {@link BrandTeam}, which checks the caller's rights and
 * holds the brand's lock: so the count of pending invitations cannot change under a check.
 */
@Component
class TeamInvitations {

	private final BrandInvitations invitations;
	private final TeamEvents events;

	TeamInvitations(BrandInvitations invitations, TeamEvents events) {
		this.invitations = invitations;
		this.events = events;
	}

	/**
	 * Invites {@code subject} with {@code role}, after clearing the brand's expired invitations: refused while one
	 * is pending for the subject, or when the brand holds as many as it may.
	 */
	Mono<BrandMemberPayload> invite(Brand brand, String subject, BrandRole role, String by) {
		return invitations.clearExpired(brand.id())
				.concatMap(expired -> events.append(BrandEventType.INVITATION_EXPIRED, brand.id(), expired.role()))
				.then(invitations.find(brand.id(), subject).hasElement())
				.zipWith(invitations.countPending(brand.id()))
				.flatMap(pending -> {
					if (pending.getT1()) {
						return Mono.just(BrandMemberPayload.failed(UserError.of("subject", "ALREADY_INVITED",
								subject + " is already invited; withdraw the invitation with removeBrandMember to change it")));
					}
					if (pending.getT2() >= BrandInvitation.MAX_PENDING_PER_BRAND) {
						return Mono.just(BrandMemberPayload.failed(UserError.of("subject", "TOO_MANY_INVITATIONS",
								"A brand holds at most " + BrandInvitation.MAX_PENDING_PER_BRAND
										+ " pending invitations; withdraw some or wait for answers")));
					}
					return invitations.insert(brand.id(), subject, role, by)
							.flatMap(invitation -> events.append(BrandEventType.MEMBER_INVITED, brand.id(), role)
									.thenReturn(BrandMemberPayload.invited(brand, invitation)));
				});
	}

	/** The subject's invitation to the brand, pending or expired. */
	Mono<Optional<BrandInvitation>> find(long brandId, String subject) {
		return invitations.find(brandId, subject).map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	Mono<Void> withdraw(BrandInvitation invitation, String by) {
		return invitations.delete(invitation.brandId(), invitation.subject())
				.then(events.append(BrandEventType.INVITATION_WITHDRAWN, invitation.brandId(), invitation.role()));
	}
}
