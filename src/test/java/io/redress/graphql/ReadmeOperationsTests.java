package io.redress.graphql;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import graphql.ExecutionInput;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import graphql.schema.idl.UnExecutableSchemaGenerator;
import io.redress.graphql.DocumentedOperations.Operation;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GraphQL documents of the README's examples (what GraphiQL offers as its example tabs) against the schema in
 * {@code schema/}, so the README cannot drift from the API. ReadmeExamplesTests runs them against a server.
 */
class ReadmeOperationsTests {

	private static final Path PROJECT = Path.of(System.getProperty("basedir", "."));

	private static final List<Operation> OPERATIONS = DocumentedOperations.in(read(PROJECT.resolve("README.md")));

	@Test
	void readmeExamplesCoverTheBrandsTheTeamTheResolutionLifecycleAndTheScore() {
		// Also what proves the README's format still reads: a block the parser misses leaves its operations out.
		List<String> rootFields = OPERATIONS.stream().flatMap(operation -> rootFields(operation.document())).toList();

		assertThat(rootFields).contains("viewer", "brands", "brand", "registerBrand", "verifyBrandClaim",
				"addBrandMember", "updateBrandSettings", "removeBrandMember", "fileComplaint", "assignComplaint",
				"postMessage", "withdrawComplaint", "proposeResolution", "acceptResolution", "rateResolution",
				"complaint", "complaints", "reopenComplaint");
	}

	@Test
	void everyReadmeExampleIsOneOperationWithAName() {
		// GraphiQL titles its example tabs with these names, so they are distinct too.
		assertThat(OPERATIONS).filteredOn(operation -> !isOneNamedOperation(operation.document()))
				.as("documents that are not one named operation").isEmpty();
		assertThat(OPERATIONS).extracting(Operation::name).doesNotHaveDuplicates();
	}

	@Test
	void everyReadmeExampleIsValidAgainstTheSchema() {
		GraphQLSchema schema = schema();

		Map<String, List<String>> errors = new LinkedHashMap<>();
		for (Operation operation : OPERATIONS) {
			List<GraphQLError> found = ParseAndValidate
					.parseAndValidate(schema, ExecutionInput.newExecutionInput(operation.document()).build()).getErrors();
			if (!found.isEmpty()) {
				errors.put(operation.name(), found.stream().map(GraphQLError::getMessage).toList());
			}
		}
		assertThat(errors).as("validation errors by operation").isEmpty();
	}

	/** The schema as the server reads it, with every resolver and scalar mocked: enough to validate documents. */
	private static GraphQLSchema schema() {
		TypeDefinitionRegistry registry = new TypeDefinitionRegistry();
		try (Stream<Path> files = Files.list(PROJECT.resolve("schema"))) {
			files.filter(file -> file.toString().endsWith(".graphqls")).sorted()
					.forEach(file -> registry.merge(new SchemaParser().parse(read(file))));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		return UnExecutableSchemaGenerator.makeUnExecutableSchema(registry);
	}

	private static boolean isOneNamedOperation(String document) {
		List<OperationDefinition> operations = operations(document);
		return operations.size() == 1 && operations.get(0).getName() != null;
	}

	private static List<OperationDefinition> operations(String document) {
		return Parser.parse(document).getDefinitionsOfType(OperationDefinition.class);
	}

	private static Stream<String> rootFields(String document) {
		return operations(document).stream()
				.flatMap(operation -> operation.getSelectionSet().getSelectionsOfType(Field.class).stream())
				.map(Field::getName);
	}

	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
