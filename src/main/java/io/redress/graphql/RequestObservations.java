package io.redress.graphql;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;

import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Observes each GraphQL request and each batch load, but not each field: Spring for GraphQL's default also times
 * every non-trivial field of every row, a cost that grows with the rows a page returns (a fifth of the CPU of a
 * 100-row page in a profile) for timers the per-request one already covers. The request's observation is not left in
 * the GraphQL context either: from there Spring copies it into the Reactor context of every data fetcher, and Reactor
 * then opens and closes a scope of it (a thread-local restore) around every row R2DBC emits. Its timer does not need
 * it; only a tracer would, and there is none.
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
	public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		InstrumentationContext<ExecutionResult> observed = super.beginExecution(parameters, state);
		parameters.getGraphQLContext().delete(ObservationThreadLocalAccessor.KEY);
		return observed;
	}

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		return dataFetcher;
	}
}
