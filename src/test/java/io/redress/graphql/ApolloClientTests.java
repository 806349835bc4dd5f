package io.redress.graphql;

import java.util.Map;

import io.redress.ApiTest;
import io.redress.testing.BrowserScripts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apollo Client from npm, as a single-page app configures it for persisted queries ({@code PersistedQueryLink} with
 * hashed queries by GET), against the server, in Node without a browser ({@code src/test/browser/apollo-client.mjs}):
 * a new document goes by hash, misses and follows with its text; a known one is a single cacheable GET; a mutation
 * goes by POST; and graphql-js builds the schema from {@code /graphql/schema}.
 */
class ApolloClientTests extends ApiTest {

	@Test
	void apolloClientsPersistedQueriesRunAsItExpects() throws Exception {
		BrowserScripts.assumeNode();
		String slug = unique("apollo");
		String owner = unique("owner");
		registerBrand(owner, slug);

		BrowserScripts.Run run = BrowserScripts.run("apollo-client.mjs", Map.of(
				"GRAPHQL_URL", "http://localhost:" + port + "/graphql",
				"BRAND_SLUG", slug,
				"OWNER_TOKEN", issuer().token(owner),
				"NEW_SLUG", unique("apollo-new")));

		assertThat(run.exitCode()).as("apollo-client.mjs said:%n%s", run.output()).isZero();
		assertThat(run.output()).contains("ok - the mutation went by POST only");
		anonymous().document("query Registered($slug: String!) { brand(slug: $slug) { slug } }")
				.variable("slug", slug).execute().path("brand.slug").entity(String.class).isEqualTo(slug);
	}
}
