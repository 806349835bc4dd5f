package io.redress.brand;

import java.util.Optional;
import java.util.Set;

import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import io.redress.shared.ForbiddenException;
import io.redress.shared.InputCheck;
import io.redress.shared.NotFoundException;
import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * A brand's team and settings. Owners manage everyone; managers manage agents and integrations; newcomers are
 * invited and join by accepting ({@link BrandJoining}); any member may leave; a brand never loses its last owner.
 * Platform admins act as owners. Each change locks the brand row, so two
 * concurrent changes cannot both remove "the other" owner.
 */
@Service
class BrandTeam {

	static final int MAX_SUBJECT = 255;
	static final int MAX_DESCRIPTION = 2000;
	static final int MIN_RESPONSE_TARGET_HOURS = 1;
	static final int MAX_RESPONSE_TARGET_HOURS = 720;
	static final int MIN_RESOLUTION_TARGET_DAYS = 1;
	static final int MAX_RESOLUTION_TARGET_DAYS = 365;
	static final int MIN_FOLLOW_UP_DAYS = 1;
	static final int MAX_FOLLOW_UP_DAYS = 30;
	static final int MIN_DUE_SOON_HOURS = 1;
	static final int MAX_DUE_SOON_HOURS = 720;

	private static final Set<BrandRole> STAFF_ROLES = Set.of(BrandRole.AGENT, BrandRole.INTEGRATION);

	private final Brands brands;
	private final BrandMembers members;
	private final TeamInvitations invitations;
	private final TeamEvents events;
	private final TransactionalOperator tx;

	BrandTeam(Brands brands, BrandMembers members, TeamInvitations invitations, TeamEvents events,
			TransactionalOperator tx) {
		this.brands = brands;
		this.members = members;
		this.invitations = invitations;
		this.events = events;
		this.tx = tx;
	}

	/**
	 * Changes a member's role at once; anyone else is invited with the role, and joins only by accepting. An
	 * invitation already pending for the subject is refused ({@code ALREADY_INVITED}: withdraw it first), as is one
	 * more than the brand may hold; the brand's expired invitations are cleared first.
	 */
	public Mono<BrandMemberPayload> addMember(AddBrandMemberInput input) {
		return CurrentViewer.required().flatMap(viewer -> BrandIds.brand(input.brandId()).flatMap(brandId -> {
			InputCheck check = checkSubject(input.subject());
			if (check.failed()) {
				return Mono.just(BrandMemberPayload.failed(check.errors()));
			}
			String subject = input.subject();
			return tx.transactional(lock(brandId).flatMap(brand -> actorRole(viewer, brandId)
					.zipWith(currentRole(brandId, subject))
					.flatMap(roles -> {
						Optional<BrandRole> actor = roles.getT1();
						Optional<BrandRole> current = roles.getT2();
						if (!mayChange(actor, current, input.role())) {
							return Mono.error(new ForbiddenException("You may not give that role in this brand"));
						}
						return current.isPresent() ? changeRole(brand, subject, current.get(), input.role(), viewer)
								: invitations.invite(brand, subject, input.role(), viewer.subject());
					})));
		}));
	}

	/**
	 * Removes a member (any member may leave), or withdraws a pending invitation: both by the same rights as giving
	 * the role.
	 */
	public Mono<BrandPayload> removeMember(RemoveBrandMemberInput input) {
		return CurrentViewer.required().flatMap(viewer -> BrandIds.brand(input.brandId()).flatMap(brandId -> {
			InputCheck check = checkSubject(input.subject());
			if (check.failed()) {
				return Mono.just(BrandPayload.failed(check.errors()));
			}
			String subject = input.subject();
			return tx.transactional(lock(brandId).flatMap(brand -> actorRole(viewer, brandId)
					.zipWith(currentRole(brandId, subject))
					.flatMap(roles -> roles.getT2().isPresent()
							? remove(brand, subject, roles.getT2().get(), roles.getT1(), viewer)
							: withdraw(brand, subject, roles.getT1(), viewer))));
		}));
	}

	public Mono<BrandPayload> updateSettings(UpdateBrandSettingsInput input) {
		return CurrentViewer.required().flatMap(viewer -> BrandIds.brand(input.brandId()).flatMap(brandId -> {
			InputCheck check = new InputCheck()
					.range("responseTargetHours", input.responseTargetHours(), MIN_RESPONSE_TARGET_HOURS,
							MAX_RESPONSE_TARGET_HOURS)
					.range("resolutionTargetDays", input.resolutionTargetDays(), MIN_RESOLUTION_TARGET_DAYS,
							MAX_RESOLUTION_TARGET_DAYS)
					.range("followUpDays", input.followUpDays(), MIN_FOLLOW_UP_DAYS, MAX_FOLLOW_UP_DAYS)
					.range("firstResponseDueSoonHours", input.firstResponseDueSoonHours(), MIN_DUE_SOON_HOURS,
							MAX_DUE_SOON_HOURS)
					.range("resolutionDueSoonHours", input.resolutionDueSoonHours(), MIN_DUE_SOON_HOURS,
							MAX_DUE_SOON_HOURS)
					.optionalText("description", input.description(), MAX_DESCRIPTION);
			if (check.failed()) {
				return Mono.just(BrandPayload.failed(check.errors()));
			}
			String description = input.description() == null ? null : input.description().strip();
			return tx.transactional(lock(brandId).then(actorRole(viewer, brandId)).flatMap(actor -> {
				if (actor.filter(BrandRole::manages).isEmpty()) {
					return Mono.error(new ForbiddenException("Only the brand's owners and managers change its settings"));
				}
				return brands.updateSettings(brandId, input, description)
						.flatMap(brand -> events.append(BrandEventType.SETTINGS_CHANGED, brandId).thenReturn(brand))
						.map(BrandPayload::ok);
			}));
		}));
	}

	private Mono<BrandMemberPayload> changeRole(Brand brand, String subject, BrandRole current, BrandRole role,
			Viewer viewer) {
		Mono<Boolean> keepsAnOwner = current == BrandRole.OWNER && role != BrandRole.OWNER ? hasOtherOwner(brand.id())
				: Mono.just(true);
		return keepsAnOwner.flatMap(ok -> !ok ? Mono.just(BrandMemberPayload.failed(lastOwner()))
				: members.put(brand.id(), subject, role, viewer.subject())
						.flatMap(member -> (current == role ? Mono.<Void>empty()
								: events.append(BrandEventType.MEMBER_ROLE_CHANGED, brand.id(), role))
								.thenReturn(BrandMemberPayload.member(brand, member))));
	}

	private Mono<BrandPayload> remove(Brand brand, String subject, BrandRole current, Optional<BrandRole> actor,
			Viewer viewer) {
		boolean leaving = subject.equals(viewer.subject());
		if (!leaving && !mayChange(actor, Optional.of(current), BrandRole.AGENT)) {
			return Mono.error(new ForbiddenException("You may not remove members of this brand"));
		}
		Mono<Boolean> keepsAnOwner = current == BrandRole.OWNER ? hasOtherOwner(brand.id()) : Mono.just(true);
		return keepsAnOwner.flatMap(ok -> !ok ? Mono.just(BrandPayload.failed(lastOwner()))
				: members.remove(brand.id(), subject)
						.then(events.append(BrandEventType.MEMBER_REMOVED, brand.id(), current))
						.thenReturn(BrandPayload.ok(brand)));
	}

	/** Nobody learns whether a subject is invited without the right to withdraw the invitation. */
	private Mono<BrandPayload> withdraw(Brand brand, String subject, Optional<BrandRole> actor, Viewer viewer) {
		return invitations.find(brand.id(), subject).flatMap(invitation -> {
			Optional<BrandRole> invitedAs = invitation.map(BrandInvitation::role);
			boolean allowed = mayChange(actor, invitedAs, invitedAs.orElse(BrandRole.AGENT));
			if (!allowed && !subject.equals(viewer.subject())) {
				return Mono.error(new ForbiddenException("You may not remove members of this brand"));
			}
			if (invitation.isEmpty() || !allowed) {
				return Mono.just(BrandPayload.failed(UserError.of("subject", "NOT_A_MEMBER", subject
						+ " is not a member of this brand"
						+ (invitation.isPresent() ? "; decline the invitation with declineBrandInvitation" : ""))));
			}
			return invitations.withdraw(invitation.get(), viewer.subject()).thenReturn(BrandPayload.ok(brand));
		});
	}

	/**
	 * Owners may give any role to anyone; managers may only add, change or remove agents and integrations.
	 */
	static boolean mayChange(Optional<BrandRole> actor, Optional<BrandRole> current, BrandRole newRole) {
		if (actor.isEmpty()) {
			return false;
		}
		return switch (actor.get()) {
			case OWNER -> true;
			case MANAGER -> STAFF_ROLES.contains(newRole) && current.map(STAFF_ROLES::contains).orElse(true);
			default -> false;
		};
	}

	private Mono<Brand> lock(long brandId) {
		return brands.lock(brandId).switchIfEmpty(Mono.error(new NotFoundException("Brand")));
	}

	private Mono<Optional<BrandRole>> actorRole(Viewer viewer, long brandId) {
		if (viewer.isAdmin()) {
			return Mono.just(Optional.of(BrandRole.OWNER));
		}
		return currentRole(brandId, viewer.subject());
	}

	private Mono<Optional<BrandRole>> currentRole(long brandId, String subject) {
		return members.roleOf(brandId, subject).map(Optional::of).defaultIfEmpty(Optional.empty());
	}

	private Mono<Boolean> hasOtherOwner(long brandId) {
		return members.countOwners(brandId).map(owners -> owners > 1);
	}

	private static InputCheck checkSubject(String subject) {
		InputCheck check = new InputCheck().requiredText("subject", subject, MAX_SUBJECT);
		if (subject != null && subject.codePoints().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			check.add(UserError.of("subject", "INVALID", "subject is a token subject and has no spaces"));
		}
		return check;
	}

	private static UserError lastOwner() {
		return UserError.of("subject", "LAST_OWNER", "A brand keeps at least one owner; make someone else owner first");
	}
}
