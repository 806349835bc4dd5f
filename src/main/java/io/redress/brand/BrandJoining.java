package io.redress.brand;

import java.util.function.Function;

import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import io.redress.shared.NotFoundException;
import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The invitee's side of an invitation: only the subject invited may accept it, which makes them a member with the
 * role offered, or decline it. Either answers a pending invitation only; an expired one is refused.
 */
@Service
class BrandJoining {

	private final Brands brands;
	private final BrandMembers members;
	private final BrandInvitations invitations;
	private final TeamEvents events;
	private final TransactionalOperator tx;

	BrandJoining(Brands brands, BrandMembers members, BrandInvitations invitations, TeamEvents events,
			TransactionalOperator tx) {
		this.brands = brands;
		this.members = members;
		this.invitations = invitations;
		this.events = events;
		this.tx = tx;
	}

	public Mono<BrandMemberPayload> accept(BrandInvitationInput input) {
		return answer(input, BrandMemberPayload::failed, (brand, invitation) -> members
				.join(brand.id(), invitation.subject(), invitation.role(), invitation.invitedBy())
				.flatMap(member -> invitations.delete(brand.id(), invitation.subject())
						.then(events.append(BrandEventType.INVITATION_ACCEPTED, brand.id(), member.role()))
						.thenReturn(BrandMemberPayload.member(brand, member))));
	}

	public Mono<BrandPayload> decline(BrandInvitationInput input) {
		return answer(input, BrandPayload::failed, (brand, invitation) -> invitations
				.delete(brand.id(), invitation.subject())
				.then(events.append(BrandEventType.INVITATION_DECLINED, brand.id(), invitation.role()))
				.thenReturn(BrandPayload.ok(brand)));
	}

	/** Runs {@code work} on the viewer's pending invitation to the brand, with the brand locked. */
	private <T> Mono<T> answer(BrandInvitationInput input, Function<UserError, T> failed, Answer<T> work) {
		return CurrentViewer.required().flatMap(viewer -> BrandIds.brand(input.brandId()).flatMap(brandId -> tx
				.transactional(brands.lock(brandId).switchIfEmpty(Mono.error(new NotFoundException("Brand")))
						.flatMap(brand -> invitations.find(brandId, viewer.subject())
								.map(invitation -> invitation.expired()
										? Mono.just(failed.apply(expired()))
										: work.apply(brand, invitation))
								.defaultIfEmpty(Mono.fromSupplier(() -> failed.apply(notInvited(viewer))))
								.flatMap(Function.identity())))));
	}

	private static UserError expired() {
		return UserError.of("brandId", "INVITATION_EXPIRED",
				"This invitation expired unanswered; the brand may invite you again");
	}

	private static UserError notInvited(Viewer viewer) {
		return UserError.of("brandId", "NOT_INVITED", viewer.subject() + " has no pending invitation to this brand");
	}

	@FunctionalInterface
	private interface Answer<T> {
		Mono<T> apply(Brand brand, BrandInvitation invitation);
	}
}
