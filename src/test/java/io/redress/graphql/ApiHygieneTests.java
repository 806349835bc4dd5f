package io.redress.graphql;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.brand.Brand;
import io.redress.shared.Cursors;
import io.redress.shared.GlobalId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;

import org.springframework.graphql.MediaTypes;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What every client may rely on, whatever it asks: GraphQL over HTTP as the spec says, the documented limits, and
 * errors that are classified and never show the server's insides.
 */
class ApiHygieneTests extends ApiTest {

	private static final MediaType GRAPHQL_RESPONSE = MediaTypes.APPLICATION_GRAPHQL_RESPONSE;

	private static final String REGISTER = """
			mutation { registerBrand(input: {name: "%1$s", website: "%1$s.example"}) { brand { id } } }""";

	/** Requests graphql-java refuses before running anything: a syntax error, then validation errors. */
	static List<String> requestErrors() {
		return List.of("{ brands(first: 1) { nodes { id } }",
				"{ brands { nodes { nope } } }",
				"{ brands(nope: 1) { nodes { id } } }",
				"{ brands(first: \"ten\") { nodes { id } } }",
				"mutation { registerBrand(input: {name: \"Colour\", website: \"colour.example\", colour: \"red\"}) "
						+ "{ brand { id } } }");
	}

	@ParameterizedTest
	@MethodSource("requestErrors")
	void requestErrorIsA400WithoutDataForGraphqlResponseClients(String document) {
		post(GRAPHQL_RESPONSE, Map.of("query", document))
				.expectStatus().isBadRequest()
				.expectHeader().contentTypeCompatibleWith(GRAPHQL_RESPONSE)
				.expectBody()
				.consumeWith(ApiHygieneTests::showsNoInternals)
				.jsonPath("$.data").doesNotExist()
				.jsonPath("$.errors[*].extensions.classification").isEqualTo(List.of("BAD_REQUEST"));
	}

	@ParameterizedTest
	@MethodSource("requestErrors")
	void requestErrorIsA200WithTheSameClassificationForPlainJsonClients(String document) {
		post(MediaType.APPLICATION_JSON, Map.of("query", document))
				.expectStatus().isOk()
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_JSON)
				.expectBody()
				.consumeWith(ApiHygieneTests::showsNoInternals)
				.jsonPath("$.data").doesNotExist()
				.jsonPath("$.errors[*].extensions.classification").isEqualTo(List.of("BAD_REQUEST"));
	}

	@Test
	void clientAskingForGraphqlResponseJsonGetsIt() {
		post(GRAPHQL_RESPONSE, Map.of("query", "{ brands(first: 1) { pageInfo { hasNextPage } } }"))
				.expectStatus().isOk()
				.expectHeader().contentTypeCompatibleWith(GRAPHQL_RESPONSE)
				.expectBody()
				.jsonPath("$.data.brands.pageInfo.hasNextPage").isBoolean()
				.jsonPath("$.errors").doesNotExist();
	}

	@Test
	void mutationSentWithGetIsNotExecuted() {
		String name = unique("viaget");
		String token = issuer().token(unique("getter"));
		String mutation = REGISTER.formatted(name);

		http().get().uri(uri -> uri.path("/graphql").queryParam("query", "{query}").build(mutation))
				.headers(headers -> headers.setBearerAuth(token))
				.exchange()
				.expectStatus().value(status -> assertThat(HttpStatus.valueOf(status).is2xxSuccessful()).isFalse());
		assertThat(brandsNamed(name)).isZero();

		// The very same mutation over POST does register the brand, so the GET was refused, not merely broken.
		post(MediaType.APPLICATION_JSON, Map.of("query", mutation), token)
				.expectStatus().isOk()
				.expectBody().jsonPath("$.data.registerBrand.brand.id").isNotEmpty();
		assertThat(brandsNamed(name)).isOne();
	}

	@Test
	void queryNestedDeeperThanTwelveLevelsIsRefused() {
		// Introspection is the one place the schema lets a query nest without end: type { ofType { ofType ... } }.
		refused(Map.of("query", "{ __schema { types { fields { type " + ofTypes(8) + " } } } }"))
				.jsonPath("$.data").doesNotExist();

		post(GRAPHQL_RESPONSE, Map.of("query", "{ __schema { types { fields { type " + ofTypes(7) + " } } } }"),
				issuer().token(unique("tooling")))
				.expectStatus().isOk()
				.expectBody().jsonPath("$.errors").doesNotExist();
	}

	@Test
	void onlyCallersWithATokenIntrospectTheSchema() {
		refused(Map.of("query", "{ __schema { queryType { name } } }")).jsonPath("$.data.__schema").doesNotExist();
		refused(Map.of("query", "{ __type(name: \"Brand\") { name } }"));

		post(GRAPHQL_RESPONSE, Map.of("query", "{ __schema { queryType { name } } }"), issuer().token(unique("tooling")))
				.expectStatus().isOk()
				.expectBody().jsonPath("$.data.__schema.queryType.name").isEqualTo("Query");
		post(GRAPHQL_RESPONSE, Map.of("query", "{ __typename brands(first: 1) { __typename } }"))
				.expectStatus().isOk()
				.expectBody().jsonPath("$.data.__typename").isEqualTo("Query").jsonPath("$.errors").doesNotExist();
	}

	@Test
	void thirtyOneAliasesAreRefusedWhileThirtyAreServed() {
		refused(Map.of("query", "{" + aliased(31, "brand(slug: \"x\") { id }") + "}"))
				.jsonPath("$.data").doesNotExist();

		post(GRAPHQL_RESPONSE, Map.of("query", "{" + aliased(30, "brand(slug: \"x\") { id }") + "}"))
				.expectStatus().isOk()
				.expectBody()
				.jsonPath("$.errors").doesNotExist()
				.jsonPath("$.data").value(Map.class, data -> assertThat(data).hasSize(30));
	}

	@Test
	void queryCostlierThanTheComplexityBudgetIsRefused() {
		// Each copy costs 1 + 100 × (members 2 + claims 2 + nodes 1) = 501: three fit in 2000, four do not.
		String page = "brands(first: 100) { nodes { members { subject } claims { id } } }";

		refused(Map.of("query", "{" + aliased(4, page) + "}"))
				.jsonPath("$.data").doesNotExist();

		post(GRAPHQL_RESPONSE, Map.of("query", "{" + aliased(3, page) + "}"))
				.expectStatus().isOk()
				.expectBody().jsonPath("$.errors").doesNotExist();
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, 101, -1 })
	void pageSizeOutsideOneToHundredIsRefused(int first) {
		refused(Map.of("query", "query($first: Int) { brands(first: $first) { nodes { id } } }",
				"variables", Map.of("first", first)));
	}

	@ParameterizedTest
	@ValueSource(strings = { "garbage", "!!!", "" })
	void cursorThisServerDidNotMakeIsRefused(String after) {
		refused(Map.of("query", "query($after: String) { brands(after: $after) { nodes { id } } }",
				"variables", Map.of("after", after)));
	}

	@Test
	void forgedCursorWithACharacterPostgresCannotStoreIsRefusedNotAnInternalError() {
		refused(Map.of("query", "query($after: String) { brands(after: $after) { nodes { id } } }",
				"variables", Map.of("after", Cursors.encode("acme\u0000", 1))));
	}

	@Test
	void searchLongerThanHundredCharactersIsRefused() {
		refused(Map.of("query", "query($search: String) { brands(search: $search) { nodes { id } } }",
				"variables", Map.of("search", "a".repeat(101))));

		post(GRAPHQL_RESPONSE, Map.of("query", "query($search: String) { brands(search: $search) { nodes { id } } }",
				"variables", Map.of("search", "a".repeat(100))))
				.expectStatus().isOk()
				.expectBody().jsonPath("$.errors").doesNotExist();
	}

	@Test
	void searchWithACharacterPostgresCannotStoreIsRefusedNotAnInternalError() {
		refused(Map.of("query", "query($search: String) { brands(search: $search) { nodes { id } } }",
				"variables", Map.of("search", "ac\u0000me")));
	}

	@Test
	void bodyThatIsNotJsonIsA400InGraphQlShape() {
		http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(GRAPHQL_RESPONSE)
				.bodyValue("{ this is not json").exchange()
				.expectStatus().isBadRequest()
				.expectBody()
				.consumeWith(ApiHygieneTests::showsNoInternals)
				.jsonPath("$.errors[*].extensions.classification").isEqualTo(List.of("BAD_REQUEST"));
	}

	@Test
	void complaintSearchWithACharacterPostgresCannotStoreIsRefusedNotAnInternalError() {
		refused(Map.of("query", "query($search: String) { complaints(filter: {search: $search}) { nodes { id } } }",
				"variables", Map.of("search", "ac\u0000me")));
	}

	@Test
	void subscriptionSentAsAPlainPostIsRefusedWithoutShowingTheStream() {
		for (MediaType accept : List.of(GRAPHQL_RESPONSE, MediaType.APPLICATION_JSON)) {
			post(accept, Map.of("query", "subscription { scoreChanged(brandSlug: \"acme\") { cursor } }"))
					.expectBody()
					.consumeWith(ApiHygieneTests::showsNoInternals)
					.consumeWith(result -> assertThat(new String(result.getResponseBody(), StandardCharsets.UTF_8))
							.doesNotContain("Publisher").doesNotContain("prefetch"))
					.jsonPath("$.data").doesNotExist()
					.jsonPath("$.errors[*].extensions.classification").isEqualTo(List.of("BAD_REQUEST"));
		}
	}

	@Test
	void mutationTextWithACharacterPostgresCannotStoreIsAUserErrorNotAnInternalError() {
		String slug = unique("nulclaim");
		long brandId = db.sql("""
				INSERT INTO brands (slug, name, website, domain, status)
				VALUES (:slug, :slug, 'https://' || :slug || '.example', :slug || '.example', 'UNCLAIMED') RETURNING id""")
				.bind("slug", slug).map(row -> row.get("id", Long.class)).one().block();

		post(GRAPHQL_RESPONSE, Map.of("query", """
				mutation($input: ClaimBrandInput!) { claimBrand(input: $input) { claim { id } userErrors { field code } } }""",
				"variables", Map.of("input", Map.of("brandId", GlobalId.encode(Brand.TYPE, brandId),
						"evidence", "I run their support desk\u0000"))), issuer().token(unique("claimant")))
				.expectStatus().isOk()
				.expectBody()
				.consumeWith(ApiHygieneTests::showsNoInternals)
				.jsonPath("$.errors").doesNotExist()
				.jsonPath("$.data.claimBrand.claim").doesNotExist()
				.jsonPath("$.data.claimBrand.userErrors[0].field").isEqualTo("evidence")
				.jsonPath("$.data.claimBrand.userErrors[0].code").isEqualTo("INVALID");
	}

	@Test
	void requestBodyOverSixtyFourKilobytesIs413AndNothingRuns() {
		String name = unique("bigbody");
		http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.headers(headers -> headers.setBearerAuth(issuer().token(unique("sender"))))
				.bodyValue(Map.of("query", REGISTER.formatted(name), "variables",
						Map.of("padding", "x".repeat(64 * 1024))))
				.exchange()
				.expectStatus().isEqualTo(413)
				.expectBody().consumeWith(ApiHygieneTests::showsNoInternals);
		assertThat(brandsNamed(name)).isZero();
	}

	@Test
	void chunkedRequestBodyOverSixtyFourKilobytesIs413AndNothingRuns() {
		// A body streamed without Content-Length cannot be turned away up front; it is cut off while being read.
		String name = unique("chunked");
		String start = "{\"query\": \"" + REGISTER.formatted(name).replace("\"", "\\\"")
				+ "\", \"variables\": {\"padding\": \"";
		http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.headers(headers -> headers.setBearerAuth(issuer().token(unique("sender"))))
				.body(Flux.just(start, "x".repeat(64 * 1024), "\"}}"), String.class)
				.exchange()
				.expectStatus().isEqualTo(413)
				.expectBody().consumeWith(ApiHygieneTests::showsNoInternals);
		assertThat(brandsNamed(name)).isZero();
	}

	private WebTestClient.ResponseSpec post(MediaType accept, Map<String, Object> request) {
		return http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(accept)
				.bodyValue(request).exchange();
	}

	private WebTestClient.ResponseSpec post(MediaType accept, Map<String, Object> request, String token) {
		return http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(accept)
				.headers(headers -> headers.setBearerAuth(token)).bodyValue(request).exchange();
	}

	/** A request answered with BAD_REQUEST errors only, whether refused before running or by a field. */
	private WebTestClient.BodyContentSpec refused(Map<String, Object> request) {
		return post(GRAPHQL_RESPONSE, request)
				.expectBody()
				.consumeWith(ApiHygieneTests::showsNoInternals)
				.jsonPath("$.errors[*].extensions.classification").isEqualTo(List.of("BAD_REQUEST"));
	}

	private static void showsNoInternals(EntityExchangeResult<byte[]> result) {
		byte[] body = result.getResponseBody();
		String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
		assertThat(text).doesNotContain("Exception", "at io.", "SELECT", "org.springframework", "Value{");
	}

	private long brandsNamed(String name) {
		return db.sql("SELECT count(*) FROM brands WHERE lower(name) = lower(:name)").bind("name", name)
				.map(row -> row.get(0, Long.class)).one().block();
	}

	private static String ofTypes(int levels) {
		return "{ ofType ".repeat(levels) + "{ name }" + " }".repeat(levels);
	}

	private static String aliased(int copies, String field) {
		StringBuilder document = new StringBuilder();
		for (int i = 0; i < copies; i++) {
			document.append(" a").append(i).append(": ").append(field);
		}
		return document.toString();
	}

	@Test
	void graphiQlAndTheFilesItWouldLoadAreNotServedUnlessEnabled() {
		for (String path : List.of("/graphiql", "/graphiql/setup.json", "/graphiql/page.js",
				"/webjars/graphiql/2.4.7/graphiql.min.js", "/webjars/react/18.3.1/umd/react.production.min.js",
				"/META-INF/resources/webjars/graphiql/2.4.7/graphiql.min.js")) {
			http().get().uri(path).exchange().expectStatus().isNotFound();
		}
	}

	@Test
	void aDateTimeTheDatabaseCannotHoldIsABadRequestBeforeAnySql() {
		String farFuture = "+999999999-12-31T23:59:59Z";
		refused(Map.of("query", "mutation { proposeResolution(input: {complaintId: \"x\", kind: REFUND, summary: \"s\", "
				+ "dueAt: \"" + farFuture + "\"}) { userErrors { code } } }"));
		refused(Map.of("query", "mutation($input: ProposeResolutionInput!) { proposeResolution(input: $input) { "
				+ "userErrors { code } } }", "variables", Map.of("input", Map.of("complaintId", "x", "kind", "REFUND",
						"summary", "s", "dueAt", farFuture))));
	}
}
