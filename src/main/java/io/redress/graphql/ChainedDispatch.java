package io.redress.graphql;

import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.dataloader.DataLoaderDispatchingContextKeys;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;

import org.springframework.stereotype.Component;

/**
 * Has graphql-java dispatch, when a level of a query or mutation is fetched, only the data loaders its fields asked
 * (its "chained" dispatching), where by default it dispatches every loader of the request at every level: Spring for
 * GraphQL makes all of them (some forty) for every operation, so Q2's seven levels made some 280 dispatch calls on
 * loaders with nothing queued, each taking the loader's lock and making a future, for the two that had keys. Every
 * field of this server takes its data loader from its {@code DataFetchingEnvironment}, which chaining requires, and
 * which is how graphql-java learns which loaders a level used.
 * Subscriptions keep the default: their events are resolved by per-audience shared fields ({@link SharedEventFields}),
 * whose loads another subscriber's execution may start.
 */
@Component
class ChainedDispatch extends SimplePerformantInstrumentation {

	@Override
	public ExecutionContext instrumentExecutionContext(ExecutionContext context,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		// graphql-java picks the dispatch strategy right after this hook, from the operation's context.
		if (!context.isSubscriptionOperation()) {
			DataLoaderDispatchingContextKeys.setEnableDataLoaderChaining(context.getGraphQLContext(), true);
		}
		return context;
	}
}
