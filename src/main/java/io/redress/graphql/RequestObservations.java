package io.redress.graphql;

import graphql.ExecutionInput;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Observes each GraphQL request and each batch load, but not each field: Spring for GraphQL's default also times
 * every non-trivial field of every row, a cost that grows with the rows a page returns (a fifth of the CPU of a
 * 100-row page in a profile) for timers the per-request one already covers.
 */
final class RequestObservations extends GraphQlObservationInstrumentation {

	RequestObservations(ObservationRegistry registry) {
		super(registry);
	}

	/** Keeps a subscription's loaders on demand ({@link OnDemandDataLoaders}) in the observed copy of the registry. */
	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		ExecutionInput observed = super.instrumentExecutionInput(input, parameters, state);
		if (!(input.getDataLoaderRegistry() instanceof OnDemandDataLoaders loaders)
				|| observed.getDataLoaderRegistry() == loaders) {
			return observed;
		}
		return observed.transform(builder -> builder
				.dataLoaderRegistry(loaders.observedAs(observed.getDataLoaderRegistry())));
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		return dataFetcher;
	}
}
