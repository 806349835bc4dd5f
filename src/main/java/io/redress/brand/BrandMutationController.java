package io.redress.brand;

import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

/** Maps the brand mutations onto {@link BrandManagement} and {@link BrandTeam}. */
@Controller
class BrandMutationController {

	private final BrandManagement management;
	private final BrandTeam team;

	BrandMutationController(BrandManagement management, BrandTeam team) {
		this.management = management;
		this.team = team;
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
	Mono<BrandPayload> updateBrandSettings(@Argument UpdateBrandSettingsInput input) {
		return team.updateSettings(input);
	}
}
