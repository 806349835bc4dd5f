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
import org.dataloader.instrumentation.DataLoaderInstrumentation;

import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Observes each GraphQL request and each batch load, but not each field: Spring for GraphQL's default also times
 * every non-trivial field of every row, a cost that grows with the rows a page returns (a fifth of the CPU of a
 * 100-row page in a profile) for timers the per-request one already covers. The request's observation is not left in
 * the GraphQL context either: from there Spring copies it into the Reactor context of every data fetcher, and Reactor
 * then opens and closes a scope of it (a thread-local restore) around every row R2DBC emits. Its timer does not need
 * it; only a tracer would, and there is none.
 * <p>
 * Spring observes batch loads by copying each operation's input, with a new registry holding an instrumented copy of
 * every data loader (8 to 14 % of Q1's allocations, a query that loads nothing). An operation's own registry
 * ({@link OnDemandDataLoaders}) instead makes each loader it is asked for with that same instrumentation, so the input
 * is left as it is; an input with another registry is still copied as Spring does.
 */
final class RequestObservations extends GraphQlObservationInstrumentation
		implements InstrumentationChain.SubscriptionFetchersOnly {

	/** Spring's observation of batch loads, which keeps nothing per operation: one serves all of them. */
	private final DataLoaderInstrumentation batchLoads;

	RequestObservations(ObservationRegistry registry) {
		super(registry);
		this.batchLoads = super.instrumentExecutionInput(ExecutionInput.newExecutionInput("{ __typename }").build(),
				null, null).getDataLoaderRegistry().getInstrumentation();
	}

	@Override
	public ExecutionInput instrumentExecutionInput(ExecutionInput input, InstrumentationExecutionParameters parameters,
			InstrumentationState state) {
		if (input.getDataLoaderRegistry() instanceof OnDemandDataLoaders loaders) {
			loaders.observeBatchLoads(batchLoads);
			return input;
		}
		return super.instrumentExecutionInput(input, parameters, state);
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
