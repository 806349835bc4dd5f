package io.redress.brand;

import java.util.List;
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
 * A brand's team and settings. Owners manage everyone; managers manage agents and integrations; any member may
 * leave; a brand never loses its last owner. Platform admins act as owners. Each change locks the brand row, so two
 * concurrent changes cannot both remove "the other" owner.
 */
@Service
class BrandTeam {

	static final int MAX_SUBJECT = 255;
	static final int MAX_DESCRIPTION = 2000;
	static final int MIN_RESPONSE_TARGET_HOURS = 1;
	static final int MAX_RESPONSE_TARGET_HOURS = 720;

	private static final Set<BrandRole> STAFF_ROLES = Set.of(BrandRole.AGENT, BrandRole.INTEGRATION);

	private final Brands brands;
	private final BrandMembers members;
	private final TransactionalOperator tx;

	BrandTeam(Brands brands, BrandMembers members, TransactionalOperator tx) {
		this.brands = brands;
		this.members = members;
		this.tx = tx;
	}

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
						Mono<Boolean> keepsAnOwner = current.filter(BrandRole.OWNER::equals).isPresent()
								&& input.role() != BrandRole.OWNER ? hasOtherOwner(brandId) : Mono.just(true);
						return keepsAnOwner.flatMap(ok -> ok
								? members.put(brandId, subject, input.role(), viewer.subject())
										.map(member -> new BrandMemberPayload(brand, member, List.of()))
								: Mono.just(BrandMemberPayload.failed(List.of(lastOwner()))));
					})));
		}));
	}

	public Mono<BrandPayload> removeMember(RemoveBrandMemberInput input) {
		return CurrentViewer.required().flatMap(viewer -> BrandIds.brand(input.brandId()).flatMap(brandId -> {
			InputCheck check = checkSubject(input.subject());
			if (check.failed()) {
				return Mono.just(BrandPayload.failed(check.errors()));
			}
			String subject = input.subject();
			boolean leaving = subject.equals(viewer.subject());
			return tx.transactional(lock(brandId).flatMap(brand -> actorRole(viewer, brandId)
					.zipWith(currentRole(brandId, subject))
					.flatMap(roles -> {
						Optional<BrandRole> current = roles.getT2();
						if (!leaving && !mayChange(roles.getT1(), current, BrandRole.AGENT)) {
							return Mono.error(new ForbiddenException("You may not remove members of this brand"));
						}
						if (current.isEmpty()) {
							return Mono.just(BrandPayload.failed(
									UserError.of("subject", "NOT_A_MEMBER", subject + " is not a member of this brand")));
						}
						Mono<Boolean> keepsAnOwner = current.get() == BrandRole.OWNER ? hasOtherOwner(brandId)
								: Mono.just(true);
						return keepsAnOwner.flatMap(ok -> ok
								? members.remove(brandId, subject).thenReturn(BrandPayload.ok(brand))
								: Mono.just(BrandPayload.failed(lastOwner())));
					})));
		}));
	}

	public Mono<BrandPayload> updateSettings(UpdateBrandSettingsInput input) {
		return CurrentViewer.required().flatMap(viewer -> BrandIds.brand(input.brandId()).flatMap(brandId -> {
			InputCheck check = new InputCheck()
					.range("responseTargetHours", input.responseTargetHours(), MIN_RESPONSE_TARGET_HOURS,
							MAX_RESPONSE_TARGET_HOURS)
					.optionalText("description", input.description(), MAX_DESCRIPTION);
			if (check.failed()) {
				return Mono.just(BrandPayload.failed(check.errors()));
			}
			String description = input.description() == null ? null : input.description().strip();
			return tx.transactional(lock(brandId).then(actorRole(viewer, brandId)).flatMap(actor -> {
				if (actor.filter(BrandRole::manages).isEmpty()) {
					return Mono.error(new ForbiddenException("Only the brand's owners and managers change its settings"));
				}
				return brands.updateSettings(brandId, input.responseTargetHours(), description).map(BrandPayload::ok);
			}));
		}));
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
