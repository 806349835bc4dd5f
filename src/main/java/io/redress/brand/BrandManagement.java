package io.redress.brand;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.realtime.Visibility;
import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import io.redress.shared.ForbiddenException;
import io.redress.shared.InputCheck;
import io.redress.shared.NotFoundException;
import io.redress.shared.UserError;
import reactor.core.publisher.Mono;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * How brands come to be owned: a brand registers itself, or a representative claims an unclaimed one; a moderator
 * verifies either.
 */
@Service
public class BrandManagement {

	static final int MAX_NAME = 100;
	static final int MAX_EVIDENCE = 2000;

	private final Brands brands;
	private final BrandMembers members;
	private final BrandClaims claims;
	private final TransactionalOperator tx;
	private final EventLog events;

	BrandManagement(Brands brands, BrandMembers members, BrandClaims claims, TransactionalOperator tx,
			EventLog events) {
		this.brands = brands;
		this.events = events;
		this.members = members;
		this.claims = claims;
		this.tx = tx;
	}

	/** A signed-in user registers a brand that is not on the platform yet and becomes its owner. */
	public Mono<BrandPayload> register(RegisterBrandInput input) {
		return CurrentViewer.required().flatMap(viewer -> {
			NewBrand candidate = NewBrand.check(input);
			if (candidate.errors().failed()) {
				return Mono.just(BrandPayload.failed(candidate.errors().errors()));
			}
			return conflicts(candidate).flatMap(conflict -> conflict
					.map(error -> Mono.just(BrandPayload.failed(error)))
					.orElseGet(() -> tx.transactional(insertOwned(candidate, viewer)).map(BrandPayload::ok)
							.onErrorResume(DuplicateKeyException.class, ex -> conflicts(candidate)
									.map(again -> BrandPayload.failed(again.orElse(alreadyOnPlatform("name", "")))))));
		});
	}

	/**
	 * The brand a complaint names by name and website: the one already on the platform, or a new unclaimed one.
	 * Joins the caller's transaction, so a complaint that fails leaves no brand behind. User errors name their
	 * field under {@code fieldPrefix}.
	 */
	public Mono<BrandPayload> findOrCreateUnclaimed(String name, String website, String fieldPrefix) {
		NewBrand candidate = NewBrand.check(new RegisterBrandInput(name, website, null));
		if (candidate.errors().failed()) {
			return Mono.just(BrandPayload.failed(candidate.errors().errors().stream()
					.map(error -> new UserError(fieldPrefix + error.field(), error.message(), error.code()))
					.toList()));
		}
		String domain = candidate.address().domain();
		String fallbackSlug = Slugs.from(candidate.slug() + "-" + Long.toString(System.nanoTime() % 46656, 36));
		return brands.existing(candidate.name(), domain)
				.switchIfEmpty(Mono.defer(() -> brands.insertUnclaimedIfAbsent(candidate.slug(), candidate.name(),
						candidate.address())))
				.switchIfEmpty(Mono.defer(() -> brands.existing(candidate.name(), domain)))
				.switchIfEmpty(Mono.defer(() -> brands.insertUnclaimedIfAbsent(fallbackSlug, candidate.name(),
						candidate.address())))
				.map(BrandPayload::ok);
	}

	/**
	 * Keeps the public customer-service address a consumer gave for an unclaimed brand, where Redress may invite it
	 * to claim the brand; the first address given stays, and a brand on the platform keeps none. Joins the caller's
	 * transaction. The address must already be checked ({@code InputCheck.optionalEmail}).
	 */
	public Mono<Void> offerContactAddress(Brand brand, String email) {
		if (brand.status() != BrandStatus.UNCLAIMED) {
			return Mono.empty();
		}
		return brands.offerContactAddress(brand.id(), email).filter(Boolean::booleanValue)
				.flatMap(given -> events.append(new NewEvent(BrandEventType.CONTACT_ADDRESS_GIVEN, brand.id(), null,
						null, Visibility.SYSTEM, Map.of())));
	}

	/** A signed-in user asks to own an unclaimed brand; a moderator decides. */
	public Mono<ClaimBrandPayload> claim(ClaimBrandInput input) {
		return CurrentViewer.required().flatMap(viewer -> BrandIds.brand(input.brandId()).flatMap(brandId -> {
			InputCheck check = new InputCheck().requiredText("evidence", input.evidence(), MAX_EVIDENCE);
			if (check.failed()) {
				return Mono.just(new ClaimBrandPayload(null, check.errors()));
			}
			return tx.transactional(brands.lock(brandId)
					.switchIfEmpty(Mono.error(new NotFoundException("Brand")))
					.flatMap(brand -> brand.status() != BrandStatus.UNCLAIMED
							? Mono.just(ClaimBrandPayload.failed(UserError.of("brandId", "ALREADY_CLAIMED",
									brand.name() + " already has an owner")))
							: claims.insert(brandId, viewer.subject(), input.evidence().strip())
									.map(claim -> new ClaimBrandPayload(claim, List.of()))))
					.onErrorResume(DuplicateKeyException.class, ex -> Mono.just(ClaimBrandPayload.failed(
							UserError.of("brandId", "CLAIM_PENDING", "Your claim on this brand is already pending"))));
		}));
	}

	/** A moderator verifies a registered brand, or makes a pending claimant its owner. */
	public Mono<BrandPayload> verify(VerifyBrandClaimInput input) {
		return CurrentViewer.required().flatMap(viewer -> {
			if (!viewer.isModerator()) {
				return Mono.error(new ForbiddenException("Only moderators verify brands"));
			}
			Mono<Optional<Long>> claimId = input.claimId() == null ? Mono.just(Optional.empty())
					: BrandIds.claim(input.claimId()).map(Optional::of);
			return BrandIds.brand(input.brandId()).zipWith(claimId).flatMap(ids -> tx.transactional(
					brands.lock(ids.getT1()).switchIfEmpty(Mono.error(new NotFoundException("Brand")))
							.flatMap(brand -> verify(brand, ids.getT2(), viewer))));
		});
	}

	private Mono<BrandPayload> verify(Brand brand, Optional<Long> claimId, Viewer moderator) {
		return switch (brand.status()) {
			case VERIFIED -> Mono.just(BrandPayload.failed(
					UserError.of("brandId", "NOTHING_TO_VERIFY", brand.name() + " is already verified")));
			case UNVERIFIED -> brands.verify(brand.id()).map(BrandPayload::ok);
			case UNCLAIMED -> claims.pending(brand.id()).collectList().flatMap(pending -> {
				Optional<BrandClaim> chosen = claimId.isPresent()
						? pending.stream().filter(claim -> claim.id() == claimId.get()).findFirst()
						: pending.stream().findFirst().filter(only -> pending.size() == 1);
				if (chosen.isEmpty()) {
					return Mono.just(BrandPayload.failed(unverifiable(pending.size(), claimId.isPresent())));
				}
				BrandClaim claim = chosen.get();
				return members.put(brand.id(), claim.claimant(), BrandRole.OWNER, moderator.subject())
						.then(claims.decide(brand.id(), claim.id(), moderator.subject()))
						.then(brands.verify(brand.id()))
						.map(BrandPayload::ok);
			});
		};
	}

	private static UserError unverifiable(int pendingClaims, boolean claimNamed) {
		if (claimNamed) {
			return UserError.of("claimId", "NOTHING_TO_VERIFY", "That claim is not pending on this brand");
		}
		if (pendingClaims == 0) {
			return UserError.of("brandId", "NOTHING_TO_VERIFY", "Nobody has claimed this brand yet");
		}
		return UserError.of("claimId", "CLAIM_REQUIRED",
				pendingClaims + " claims are pending; name the one to approve with claimId");
	}

	private Mono<Brand> insertOwned(NewBrand candidate, Viewer owner) {
		return brands.insert(candidate.slug(), candidate.name(), candidate.address(), BrandStatus.UNVERIFIED)
				.flatMap(brand -> members.put(brand.id(), owner.subject(), BrandRole.OWNER, owner.subject())
						.thenReturn(brand));
	}

	private Mono<Optional<UserError>> conflicts(NewBrand candidate) {
		return brands.conflicts(candidate.name(), candidate.address().domain(), candidate.slug())
				.collectList()
				.map(found -> found.stream().filter(c -> c.sameName() || c.sameDomain()).findFirst()
						.map(c -> alreadyOnPlatform(c.sameName() ? "name" : "website", c.slug()))
						.or(() -> found.stream().filter(Brands.Conflict::sameSlug).findFirst()
								.map(c -> UserError.of("slug", "TAKEN",
										"The slug " + c.slug() + " is taken; choose another with slug"))));
	}

	private static UserError alreadyOnPlatform(String field, String slug) {
		return UserError.of(field, "ALREADY_ON_PLATFORM", "This brand is already on Redress"
				+ (slug.isEmpty() ? "" : " as " + slug) + "; ask to own it with claimBrand");
	}
}
