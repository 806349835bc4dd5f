package io.redress.shared;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.dataloader.DataLoaderFactory;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.MappedBatchLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A loaded field works out what its key takes from the field once per field of the request, and still makes one key
 * for each row, batched in one load.
 */
class LoadedFieldTests {

	record Row(String name) {
	}

	record Key(String row, String prefix) {
	}

	private final AtomicInteger fieldParts = new AtomicInteger();

	private final AtomicInteger batches = new AtomicInteger();

	private final GraphQLSchema schema = new SchemaGenerator().makeExecutableSchema(
			new SchemaParser().parse("type Query { rows: [Row] } type Row { name: String label(prefix: String): String }"),
			RuntimeWiring.newRuntimeWiring()
					.type("Query", type -> type.dataFetcher("rows",
							environment -> List.of(new Row("a"), new Row("b"), new Row("c"))))
					.type("Row", type -> type.dataFetcher("label", LoadedField.<Row, String>of("labels", environment -> {
						fieldParts.incrementAndGet();
						return environment.getArgument("prefix");
					}, (row, prefix) -> new Key(row.name(), prefix))))
					.build());

	private ExecutionResult execute(String document) {
		MappedBatchLoader<Key, String> labels = keys -> {
			batches.incrementAndGet();
			return CompletableFuture.completedFuture(
					keys.stream().collect(Collectors.toMap(key -> key, key -> key.prefix() + key.row())));
		};
		DataLoaderRegistry registry = DataLoaderRegistry.newRegistry()
				.register("labels", DataLoaderFactory.newMappedDataLoader(labels)).build();
		return GraphQL.newGraphQL(schema).build().execute(
				ExecutionInput.newExecutionInput(document).dataLoaderRegistry(registry).build());
	}

	@Test
	void whatTheKeyTakesFromTheFieldIsWorkedOutOnceForAllRows() {
		ExecutionResult result = execute("{ rows { label(prefix: \"x-\") } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, List<Map<String, String>>>>getData().get("rows"))
				.extracting(row -> row.get("label")).containsExactly("x-a", "x-b", "x-c");
		assertThat(fieldParts).hasValue(1);
		assertThat(batches).hasValue(1);
	}

	@Test
	void eachFieldOfTheDocumentHasItsOwnArguments() {
		ExecutionResult result = execute("{ rows { one: label(prefix: \"1-\") two: label(prefix: \"2-\") } }");

		assertThat(result.getErrors()).isEmpty();
		assertThat(result.<Map<String, List<Map<String, String>>>>getData().get("rows"))
				.extracting(row -> row.get("one") + " " + row.get("two"))
				.containsExactly("1-a 2-a", "1-b 2-b", "1-c 2-c");
		assertThat(fieldParts).hasValue(2);
	}

	@Test
	void eachRequestWorksItOutAgain() {
		execute("{ rows { label(prefix: \"x-\") } }");
		ExecutionResult second = execute("{ rows { label(prefix: \"y-\") } }");

		assertThat(second.<Map<String, List<Map<String, String>>>>getData().get("rows"))
				.extracting(row -> row.get("label")).containsExactly("y-a", "y-b", "y-c");
		assertThat(fieldParts).hasValue(2);
	}
}
