package io.redress.graphql;

import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** What the GraphiQL page is given, and which files it is served, without a server. */
class GraphiQlSetupTests {

	private static final String README = """
			# A project

			```bash
			as alice
			gql 'query Viewer { viewer { id } }'
			ID=$(gql 'mutation File($input: FileComplaintInput!) {
			  fileComplaint(input: $input) { complaint { id } }
			}' '{"input": {"brandSlug": "acme"}}' | jq -r .data.fileComplaint.complaint.id)
			```

			```graphql
			query NotAnExample { a }
			```
			""";

	@Test
	void theReadmesOperationsBecomeExamplesInOrder() {
		GraphiQlSetup setup = GraphiQlSetup.of(DocumentedOperations.in(README), "/graphql", "/graphql", null);

		assertThat(setup.examples()).extracting(GraphiQlSetup.Example::name).containsExactly("Viewer", "File");
		assertThat(setup.examples().get(0).query()).isEqualTo("query Viewer { viewer { id } }");
		assertThat(setup.examples().get(1).query()).isEqualTo("""
				mutation File($input: FileComplaintInput!) {
				  fileComplaint(input: $input) { complaint { id } }
				}""");
	}

	@Test
	void tabsAreKeptPerSetOfExamplesSoNewExamplesOpenFresh() {
		String same = GraphiQlSetup.of(DocumentedOperations.in(README), "/graphql", null, null).storageNamespace();
		String changed = GraphiQlSetup.of(DocumentedOperations.in(README.replace("{ id }", "{ id subject }")),
				"/graphql", null, null).storageNamespace();

		assertThat(GraphiQlSetup.of(DocumentedOperations.in(README), "/graphql", null, null).storageNamespace())
				.isEqualTo(same).startsWith("graphiql-");
		assertThat(changed).isNotEqualTo(same);
	}

	@Test
	void thereIsNoSignInUnlessTheDevServerNamesOne() {
		assertThat(GraphiQlSetup.of(List.of(), "/graphql", "/graphql", null).signIn()).isNull();
		assertThat(GraphiQlSetup.of(List.of(), "/graphql", "/graphql", " ").signIn()).isNull();
		assertThat(GraphiQlSetup.of(List.of(), "/graphql", "/graphql", "/graphiql/demo-sign-in").signIn())
				.isEqualTo("/graphiql/demo-sign-in");
	}

	@Test
	void pathsThePageUsesMustBePlainPaths() {
		assertThat(GraphiQlSetup.of(List.of(), "/api/graphql", null, null).subscriptions()).isNull();
		for (String bad : new String[] { "graphql", "https://elsewhere.example/graphql", "/graphql\"><script>", "/" }) {
			assertThatIllegalStateException().isThrownBy(() -> GraphiQlSetup.of(List.of(), bad, null, null))
					.withMessageContaining("spring.graphql.http.path");
		}
	}

	@Test
	void thePageReferencesOnlyFilesThatAreServed() {
		var files = GraphiQlPage.files("/tools/ide", "{}");
		String page = ServedFile.text("graphiql/index.html").replace("{{base}}", "/tools/ide");

		List<String> references = Pattern.compile("\\b(?:src|href)=\"([^\"]*)\"").matcher(page).results()
				.map(reference -> reference.group(1)).filter(reference -> !reference.startsWith("data:")).toList();

		assertThat(references).hasSize(6).allSatisfy(reference -> assertThat(files).containsKey(reference));
		assertThat(files).containsKeys("/tools/ide", "/tools/ide/setup.json");
	}

	@Test
	void graphiQlIsOffUnlessEnabled() {
		new ApplicationContextRunner().withUserConfiguration(GraphiQlPage.class)
				.run(context -> assertThat(context).doesNotHaveBean("graphiQlRoutes"));
		new ApplicationContextRunner().withUserConfiguration(GraphiQlPage.class)
				.withPropertyValues("spring.graphql.graphiql.enabled=false")
				.run(context -> assertThat(context).doesNotHaveBean("graphiQlRoutes"));
	}
}
