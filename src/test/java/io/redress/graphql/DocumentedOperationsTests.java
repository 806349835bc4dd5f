package io.redress.graphql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentedOperationsTests {

	@Test
	void variablesGivenLiterallyGoWithTheirDocumentAndComputedOnesDoNot() {
		String markdown = """
				```bash
				gql 'query Brand($slug: String!) { brand(slug: $slug) { id } }' \\
				  '{"slug": "acme"}'
				gql 'query Again($slug: String!) { brand(slug: $slug) { id } }' "$(jq -n '{slug: "acme"}')"
				```
				""";

		assertThat(DocumentedOperations.in(markdown)).extracting(DocumentedOperations.Operation::variables)
				.containsExactly("{\"slug\": \"acme\"}", null);
	}

	@Test
	void readsEveryGqlCallOfEveryShellBlockInOrder() {
		String markdown = """
				Some text with gql 'query Ignored { a }' outside a block.

				```bash
				as alice
				gql 'query Viewer { viewer { id } }'
				ID=$(gql 'mutation File($input: FileComplaintInput!) {
				  fileComplaint(input: $input) { complaint { id } }
				}' '{"input": {"brandSlug": "acme"}}' | jq -r .data.fileComplaint.complaint.id)
				```

				```graphql
				query NotShell { a }
				```

				```sh
				gql '{ brands(first: 1) { nodes { slug } } }'
				```
				""";

		assertThat(DocumentedOperations.in(markdown)).extracting(DocumentedOperations.Operation::name)
				.containsExactly("Viewer", "File", "{ brands(first: 1) { nodes { slug } } }");
		assertThat(DocumentedOperations.in(markdown).get(1).document())
				.startsWith("mutation File($input: FileComplaintInput!) {").endsWith("}");
		assertThat(DocumentedOperations.in(markdown)).extracting(DocumentedOperations.Operation::variables)
				.containsExactly(null, "{\"input\": {\"brandSlug\": \"acme\"}}", null);
	}
}
