package io.redress.brand;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Maps the brand mutations onto {@link BrandManagement}, {@link BrandTeam} and {@link BrandJoining}. */
@Controller
class BrandMutationController {

	private final BrandManagement management;
	private final BrandTeam team;
	private final BrandJoining joining;

	BrandMutationController(BrandManagement management, BrandTeam team, BrandJoining joining) {
		this.management = management;
		this.team = team;
		this.joining = joining;
	}

	@MutationMapping
	Mono<BrandPayload> registerBrand(@Argument RegisterBrandInput input) {
		return management.register(input);
	}

	@MutationMapping
	Mono<ClaimBrandPayload> claimBrand(@Argument ClaimBrandInput input) {
		return management.claim(input);
	}

	@MutationMapping
	Mono<BrandPayload> verifyBrandClaim(@Argument VerifyBrandClaimInput input) {
		return management.verify(input);
	}

	@MutationMapping
	Mono<BrandMemberPayload> addBrandMember(@Argument AddBrandMemberInput input) {
		return team.addMember(input);
	}

	@MutationMapping
	Mono<BrandPayload> removeBrandMember(@Argument RemoveBrandMemberInput input) {
		return team.removeMember(input);
	}

	@MutationMapping
	Mono<BrandMemberPayload> acceptBrandInvitation(@Argument BrandInvitationInput input) {
		return joining.accept(input);
	}

	@MutationMapping
	Mono<BrandPayload> declineBrandInvitation(@Argument BrandInvitationInput input) {
		return joining.decline(input);
	}

	@MutationMapping
	Mono<BrandPayload> updateBrandSettings(@Argument UpdateBrandSettingsInput input) {
		return team.updateSettings(input);
	}
}
