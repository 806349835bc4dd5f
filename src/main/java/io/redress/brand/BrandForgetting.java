package io.redress.brand;

import java.util.List;

import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * What the brand module holds about one person, by their token subject: read for their data export, and forgotten
 * when they erase their account. A brand never loses its last owner, so an owner without a co-owner hands the brand
 * over first.
 */
@Service
public class BrandForgetting {

	private final BrandMembers members;
	private final BrandClaims claims;
	private final BrandInvitations invitations;

	BrandForgetting(BrandMembers members, BrandClaims claims, BrandInvitations invitations) {
		this.members = members;
		this.claims = claims;
		this.invitations = invitations;
	}

	/** The subject's memberships and claims, at most {@code limit} of each. */
	public Mono<BrandPersonalData> personalDataOf(String subject, int limit) {
		return Mono.zip(members.personalMemberships(subject, limit).collectList(),
				claims.personalClaims(subject, limit).collectList())
				.map(both -> new BrandPersonalData(both.getT1(), both.getT2()));
	}

	/**
	 * Forgets the subject inside the caller's transaction: their memberships and claims go, pending invitations to or
	 * from them are withdrawn, and memberships they added or claims they decided name nobody. When they own a brand alone nothing changes, and the answer is a
	 * {@code LAST_OWNER} user error for each such brand.
	 */
	public Mono<List<UserError>> forget(String subject) {
		return members.lockBrandsOwnedOnlyBy(subject).collectList().flatMap(ownedAlone -> ownedAlone.isEmpty()
				? members.forget(subject).then(claims.forget(subject)).then(invitations.forget(subject))
						.thenReturn(List.<UserError>of())
				: Mono.just(ownedAlone.stream().map(name -> UserError.of(null, "LAST_OWNER", "You are the only owner of "
						+ name + "; make someone else owner before you erase your account")).toList()));
	}
}
