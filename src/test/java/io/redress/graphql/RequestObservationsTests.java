package io.redress.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The request and each batch load are still observed, without a copy of the operation's input or of its data loaders.
 */
class RequestObservationsTests {

	private final List<String> observed = new CopyOnWriteArrayList<>();

	@Test
	void theRequestAndItsBatchLoadsAreObservedWithoutCopyingTheInput() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<>() {
			@Override
			public void onStop(Observation.Context context) {
				observed.add(context.getName());
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return true;
			}
		});
		RequestObservations observations = new RequestObservations(registry);
		DataLoaderTemplates templates = new DataLoaderTemplates();
		templates.<Integer, String>forName("names")
				.registerBatchLoader((keys, environment) -> Flux.fromIterable(keys).map(key -> "name " + key));
		GraphQL graphQl = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
						new SchemaParser().parse("type Query { name(id: Int): String }"),
						RuntimeWiring.newRuntimeWiring().type("Query", type -> type.dataFetcher("name",
								environment -> environment.getDataLoader("names").load(environment.getArgument("id"))))
								.build()))
				.instrumentation(new InstrumentationChain(List.of(observations, new ChainedDispatch())))
				.build();

		ExecutionInput sent = ExecutionInput.newExecutionInput("{ a: name(id: 1) b: name(id: 2) }").build();
		OnDemandDataLoaders loaders = new OnDemandDataLoaders(templates, sent.getGraphQLContext());
		ExecutionInput input = sent.transform(builder -> builder.dataLoaderRegistry(loaders));
		assertThat(observations.instrumentExecutionInput(input, null, null)).isSameAs(input);

		ExecutionResult result = graphQl.execute(input);

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, Object>>getData()).containsEntry("a", "name 1").containsEntry("b", "name 2");
		assertThat(observed).containsExactly("graphql.dataloader", "graphql.request");
		assertThat(loaders.getKeys()).containsExactly("names");
	}
}
