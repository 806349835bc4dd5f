package io.redress.brand;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import static io.redress.brand.BrandRole.AGENT;
import static io.redress.brand.BrandRole.INTEGRATION;
import static io.redress.brand.BrandRole.MANAGER;
import static io.redress.brand.BrandRole.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

class BrandTeamRulesTests {

	@Test
	void ownersGiveAnyRoleToAnyone() {
		for (BrandRole role : BrandRole.values()) {
			assertThat(BrandTeam.mayChange(Optional.of(OWNER), Optional.of(OWNER), role)).isTrue();
			assertThat(BrandTeam.mayChange(Optional.of(OWNER), Optional.empty(), role)).isTrue();
		}
	}

	@Test
	void managersManageOnlyAgentsAndIntegrations() {
		assertThat(BrandTeam.mayChange(Optional.of(MANAGER), Optional.empty(), AGENT)).isTrue();
		assertThat(BrandTeam.mayChange(Optional.of(MANAGER), Optional.of(AGENT), INTEGRATION)).isTrue();
		assertThat(BrandTeam.mayChange(Optional.of(MANAGER), Optional.empty(), MANAGER)).isFalse();
		assertThat(BrandTeam.mayChange(Optional.of(MANAGER), Optional.of(AGENT), OWNER)).isFalse();
		assertThat(BrandTeam.mayChange(Optional.of(MANAGER), Optional.of(OWNER), AGENT)).isFalse();
		assertThat(BrandTeam.mayChange(Optional.of(MANAGER), Optional.of(MANAGER), AGENT)).isFalse();
	}

	@Test
	void agentsIntegrationsAndStrangersManageNobody() {
		for (Optional<BrandRole> actor : java.util.List.of(Optional.of(AGENT), Optional.of(INTEGRATION),
				Optional.<BrandRole>empty())) {
			assertThat(BrandTeam.mayChange(actor, Optional.empty(), AGENT)).isFalse();
		}
	}
}
