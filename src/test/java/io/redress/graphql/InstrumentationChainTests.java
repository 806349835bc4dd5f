package io.redress.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;


import static org.assertj.core.api.Assertions.assertThat;

/**
 * The instrumentation chain asks per field only the instrumentations that work per field, and still ends what each
 * begins per request.
 */
class InstrumentationChainTests {

	private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(
			new SchemaParser().parse("type Query { items: [Item] } type Item { name: String }"),
			RuntimeWiring.newRuntimeWiring().type("Query", type -> type.dataFetcher("items",
					environment -> List.of(Map.of("name", "a"), Map.of("name", "b"), Map.of("name", "c")))).build());

	/** The instrumentations of the running server that work per request only. */
	private static List<Instrumentation> perRequest() {
		return List.of(new RequestObservations(ObservationRegistry.NOOP), LimitInstrumentations.maxDepth(10),
				LimitInstrumentations.maxComplexity(1000, new PageSizeComplexity()), new AliasLimitInstrumentation(5),
				new SharedEventFields(), new SubscriptionLoaders(new DataLoaderTemplates()), new ChainedDispatch());
	}

	@Test
	void noInstrumentationOfTheServerIsAskedPerFieldOrPerObject() {
		InstrumentationChain chain = new InstrumentationChain(perRequest());

		assertThat(chain.beginFieldExecution(null, null)).isNull();
		assertThat(chain.beginFieldFetching(null, null)).isNull();
		assertThat(chain.beginFieldCompletion(null, null)).isNull();
		assertThat(chain.beginFieldListCompletion(null, null)).isNull();
		assertThat(chain.beginExecuteObject(null, null)).isNull();
	}

	@Test
	void anInstrumentationThatWorksPerFieldIsAskedAtEveryField() {
		FieldCounter counter = new FieldCounter();
		List<Instrumentation> instrumentations = new java.util.ArrayList<>(perRequest());
		instrumentations.add(counter);

		ExecutionResult result = GraphQL.newGraphQL(SCHEMA).instrumentation(new InstrumentationChain(instrumentations))
				.build().execute("{ items { name } }");

		assertThat(result.getErrors()).isEmpty();
		// items, and name on each of its three items.
		assertThat(counter.fieldsStarted).hasValue(4);
		assertThat(counter.fieldsEnded).hasValue(4);
	}

	@Test
	void noFetcherOfAQueryPassesThroughAnInstrumentationThatWrapsSubscriptionFetchersOnly() {
		FetcherCounter subscriptionsOnly = new SubscriptionFetcherCounter();
		List<Instrumentation> instrumentations = new java.util.ArrayList<>(perRequest());
		instrumentations.add(new EventPositions());
		instrumentations.add(subscriptionsOnly);

		ExecutionResult result = GraphQL.newGraphQL(SCHEMA).instrumentation(new InstrumentationChain(instrumentations))
				.build().execute("{ items { name } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(subscriptionsOnly.asked).hasValue(0);
	}

	@Test
	void everyFetcherOfAQueryPassesThroughAnInstrumentationThatMayWrapIt() {
		FetcherCounter any = new FetcherCounter();
		List<Instrumentation> instrumentations = new java.util.ArrayList<>(perRequest());
		instrumentations.add(any);

		GraphQL.newGraphQL(SCHEMA).instrumentation(new InstrumentationChain(instrumentations)).build()
				.execute("{ items { name } }");

		// items, and name on each of its three items.
		assertThat(any.asked).hasValue(4);
	}

	@Test
	void aSubscriptionsFetcherStillPassesThroughAnInstrumentationThatWrapsSubscriptionFetchersOnly() {
		GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
				new SchemaParser().parse("type Query { name: String } type Subscription { ticks: Int }"),
				RuntimeWiring.newRuntimeWiring().type("Subscription", type -> type.dataFetcher("ticks",
						environment -> reactor.core.publisher.Flux.just(1, 2)))
						.build());
		FetcherCounter subscriptionsOnly = new SubscriptionFetcherCounter();
		List<Instrumentation> instrumentations = new java.util.ArrayList<>(perRequest());
		instrumentations.add(subscriptionsOnly);

		ExecutionResult result = GraphQL.newGraphQL(schema)
				.instrumentation(new InstrumentationChain(instrumentations)).build().execute("subscription { ticks }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(subscriptionsOnly.asked).hasValue(1);
	}

	@Test
	void theDeprecatedFetchHookCountsAsWorkPerField() {
		FetchCounter counter = new FetchCounter();

		GraphQL.newGraphQL(SCHEMA).instrumentation(new InstrumentationChain(List.of(counter))).build()
				.execute("{ items { name } }");

		assertThat(counter.fetches).hasValue(4);
	}

	@Test
	void whatAnInstrumentationBeginsPerRequestIsStillEnded() {
		RequestCounter counter = new RequestCounter();

		GraphQL.newGraphQL(SCHEMA).instrumentation(new InstrumentationChain(List.of(counter, new FetchCounter())))
				.build().execute("{ items { name } }");

		assertThat(counter.ended).hasValue(1);
	}

	private static final class FieldCounter extends SimplePerformantInstrumentation {

		final AtomicInteger fieldsStarted = new AtomicInteger();
		final AtomicInteger fieldsEnded = new AtomicInteger();

		@Override
		public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
				InstrumentationState state) {
			fieldsStarted.incrementAndGet();
			return SimpleInstrumentationContext.whenCompleted((value, error) -> fieldsEnded.incrementAndGet());
		}
	}

	/** Counts the fetchers it is asked to instrument, and leaves them as they are. */
	private static class FetcherCounter extends SimplePerformantInstrumentation {

		final AtomicInteger asked = new AtomicInteger();

		@Override
		public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher,
				InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
			asked.incrementAndGet();
			return fetcher;
		}
	}

	private static final class SubscriptionFetcherCounter extends FetcherCounter
			implements InstrumentationChain.SubscriptionFetchersOnly {
	}

	private static final class FetchCounter extends SimplePerformantInstrumentation {

		final AtomicInteger fetches = new AtomicInteger();

		@Override
		@SuppressWarnings("deprecation")
		public InstrumentationContext<Object> beginFieldFetch(InstrumentationFieldFetchParameters parameters,
				InstrumentationState state) {
			fetches.incrementAndGet();
			return null;
		}
	}

	private static final class RequestCounter extends SimplePerformantInstrumentation {

		final AtomicInteger ended = new AtomicInteger();

		@Override
		public InstrumentationContext<ExecutionResult> beginExecution(InstrumentationExecutionParameters parameters,
				InstrumentationState state) {
			return SimpleInstrumentationContext.whenCompleted((result, error) -> ended.incrementAndGet());
		}
	}
}
