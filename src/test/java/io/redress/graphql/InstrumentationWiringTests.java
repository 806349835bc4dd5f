package io.redress.graphql;

import graphql.execution.instrumentation.ChainedInstrumentation;
import io.redress.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The server runs its instrumentations through the chain that skips per-field hooks nobody implements. */
class InstrumentationWiringTests extends ApiTest {

	@Autowired
	private GraphQlSource source;

	@Test
	void everyInstrumentationRunsInTheLeanChainAndNoneOfThemPerField() {
		assertThat(source.graphQl().getInstrumentation()).isInstanceOfSatisfying(InstrumentationChain.class, chain -> {
			assertThat(((ChainedInstrumentation) chain).getInstrumentations()).hasAtLeastOneElementOfType(
					RequestObservations.class).hasAtLeastOneElementOfType(SharedEventFields.class)
					.hasAtLeastOneElementOfType(ChainedDispatch.class);
			assertThat(chain.beginFieldExecution(null, null)).isNull();
			assertThat(chain.beginFieldFetching(null, null)).isNull();
			assertThat(chain.beginExecuteObject(null, null)).isNull();
		});
	}
}
