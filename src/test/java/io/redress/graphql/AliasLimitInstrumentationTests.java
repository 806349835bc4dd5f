package io.redress.graphql;

import java.util.List;

import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQL;
import java.util.concurrent.CompletableFuture;

import graphql.execution.preparsed.PreparsedDocumentEntry;
import graphql.parser.Parser;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The aliases of a parsed document are counted once, and a document over the limit is refused every time. */
class AliasLimitInstrumentationTests {

	@Test
	void aDocumentOverTheLimitIsRefusedEveryTimeAndOneWithinIsServed() {
		PreparsedDocumentEntry over = new PreparsedDocumentEntry(Parser.parse("{ a: name b: name c: name }"));
		PreparsedDocumentEntry within = new PreparsedDocumentEntry(Parser.parse("{ a: name b: name name }"));
		GraphQL graphQl = GraphQL.newGraphQL(new SchemaGenerator().makeExecutableSchema(
						new SchemaParser().parse("type Query { name: String }"), RuntimeWiring.newRuntimeWiring().build()))
				.instrumentation(new InstrumentationChain(List.of(new AliasLimitInstrumentation(2))))
				// The same parsed document each time, as ParsedDocuments hands it out.
				.preparsedDocumentProvider((input, parse) -> CompletableFuture.completedFuture(
						input.getQuery().contains("c:") ? over : within))
				.build();

		for (int i = 0; i < 2; i++) {
			ExecutionResult refused = graphQl.execute(ExecutionInput.newExecutionInput("{ a: name b: name c: name }"));
			assertThat(refused.getErrors()).singleElement().satisfies(error -> assertThat(error.getMessage())
					.isEqualTo("The operation uses 3 aliases; at most 2 are allowed"));
			assertThat(graphQl.execute(ExecutionInput.newExecutionInput("{ a: name b: name name }")).getErrors())
					.isEmpty();
		}
	}
}
