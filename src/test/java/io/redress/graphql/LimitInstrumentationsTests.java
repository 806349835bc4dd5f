package io.redress.graphql;

import java.util.List;
import java.util.Map;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.GraphQLError;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The depth and complexity limits check an operation once for the values of the variables they read, and refuse one
 * over a limit every time, with graphql-java's own error.
 */
class LimitInstrumentationsTests {

	private static final GraphQLSchema SCHEMA = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse("""
			type Query { node(first: Int, label: String): Node }
			type Node { child(first: Int): Node name: String }"""), RuntimeWiring.newRuntimeWiring().build());

	/** Costs 1 + (1 + n) × n: 31 for 5, 111 for 10. */
	private static final String PAGES = "query Pages($n: Int, $label: String) "
			+ "{ node(first: $n, label: $label) { child(first: $n) { name @skip(if: false) } } }";

	/** Four levels deep with {@code $deep}, two without. */
	private static final String DEEP = "query Deep($deep: Boolean!) { node { child { child @include(if: $deep) "
			+ "{ child { name } } } } }";

	private final GraphQL graphQl = GraphQL.newGraphQL(SCHEMA)
			.instrumentation(new InstrumentationChain(List.of(LimitInstrumentations.maxDepth(3),
					LimitInstrumentations.maxComplexity(50, new PageSizeComplexity()))))
			.build();

	private final GraphQL plain = GraphQL.newGraphQL(SCHEMA)
			.instrumentation(new InstrumentationChain(List.of(new graphql.analysis.MaxQueryDepthInstrumentation(3),
					new graphql.analysis.MaxQueryComplexityInstrumentation(50, new PageSizeComplexity()))))
			.build();

	@Test
	void aKeptVerdictServesOnlyTheSamePageSizes() {
		assertThat(run(graphQl, PAGES, Map.of("n", 5, "label", "a")).getErrors()).isEmpty();
		assertThat(run(graphQl, PAGES, Map.of("n", 5, "label", "b")).getErrors()).isEmpty();

		for (int i = 0; i < 2; i++) {
			assertThat(errors(run(graphQl, PAGES, Map.of("n", 10, "label", "a"))))
					.isEqualTo(errors(run(plain, PAGES, Map.of("n", 10, "label", "a")))).isNotEmpty();
		}
		assertThat(run(graphQl, PAGES, Map.of("n", 5, "label", "c")).getErrors()).isEmpty();
	}

	@Test
	void aKeptVerdictServesOnlyTheSameConditions() {
		assertThat(run(graphQl, DEEP, Map.of("deep", false)).getErrors()).isEmpty();

		for (int i = 0; i < 2; i++) {
			assertThat(errors(run(graphQl, DEEP, Map.of("deep", true))))
					.isEqualTo(errors(run(plain, DEEP, Map.of("deep", true)))).isNotEmpty();
		}
		assertThat(run(graphQl, DEEP, Map.of("deep", false)).getErrors()).isEmpty();
	}

	private static ExecutionResult run(GraphQL graphQl, String query, Map<String, Object> variables) {
		return graphQl.execute(ExecutionInput.newExecutionInput(query).variables(variables).build());
	}

	private static List<Map<String, Object>> errors(ExecutionResult result) {
		return result.getErrors().stream().map(GraphQLError::toSpecification).toList();
	}
}
