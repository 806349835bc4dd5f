package io.redress.graphql;

import java.util.HashMap;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.shared.RequestHash;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Apollo's automatic persisted queries: a client sends a document's SHA-256 hash alone, and its text only when the
 * server does not know it yet; such a query may also come by GET, which is cacheable and never runs a mutation.
 * What Apollo Client itself does with them is in {@link ApolloClientTests}.
 */
class PersistedQueryTests extends ApiTest {

	private static final String BRAND = "query PersistedBrand($slug: String!) { brand(slug: $slug) { slug name } }";

	@Test
	void anUnknownHashIsPersistedQueryNotFoundAndTheTextRegistersIt() {
		String slug = unique("apq");
		registerBrand(unique("owner"), slug);
		String document = BRAND + " # " + slug;

		EntityExchangeResult<String> miss = post(null, null, hashOf(document), Map.of("slug", slug));
		assertThat(miss.getResponseBody()).contains("\"message\":\"PersistedQueryNotFound\"")
				.contains("\"code\":\"PERSISTED_QUERY_NOT_FOUND\"").contains("\"classification\":\"BAD_REQUEST\"");

		assertThat(post(null, document, hashOf(document), Map.of("slug", slug)).getResponseBody())
				.contains("\"slug\":\"" + slug + "\"");
		assertThat(post(null, null, hashOf(document), Map.of("slug", slug)).getResponseBody())
				.contains("\"slug\":\"" + slug + "\"").doesNotContain("errors");
	}

	@Test
	void aHashThatIsNotTheTextsIsRefusedAndRegistersNothing() {
		String document = BRAND + " # " + unique("mismatch");
		String otherHash = hashOf(document + " ");

		assertThat(post(null, document, otherHash, Map.of("slug", "acme")).getResponseBody())
				.contains("PersistedQueryIdInvalid").contains("\"classification\":\"BAD_REQUEST\"");
		assertThat(post(null, null, otherHash, Map.of("slug", "acme")).getResponseBody())
				.contains("PersistedQueryNotFound");
	}

	@Test
	void aPersistedQueryByGetIsAnsweredCacheablyAndRevalidatedByItsETag() {
		String slug = unique("cached");
		registerBrand(unique("owner"), slug);
		String document = BRAND + " # " + slug;
		post(null, document, hashOf(document), Map.of("slug", slug));

		EntityExchangeResult<String> answer = get(null, hashOf(document), "{\"slug\":\"" + slug + "\"}", null);
		assertThat(answer.getStatus()).isEqualTo(HttpStatus.OK);
		assertThat(answer.getResponseBody()).contains("\"slug\":\"" + slug + "\"").doesNotContain("errors");
		assertThat(answer.getResponseHeaders().getCacheControl()).isEqualTo("max-age=60, public");
		assertThat(answer.getResponseHeaders().getVary()).contains(HttpHeaders.AUTHORIZATION);
		String etag = answer.getResponseHeaders().getETag();

		EntityExchangeResult<String> again = get(null, hashOf(document), "{\"slug\":\"" + slug + "\"}", etag);
		assertThat(again.getStatus()).isEqualTo(HttpStatus.NOT_MODIFIED);
		assertThat(again.getResponseBody()).isNull();
	}

	@Test
	void aSignedInCallersAnswerByGetIsCachedByTheirBrowserOnly() {
		String document = "query ViewerByGet { viewer { subject } } # " + unique("viewer");
		String subject = unique("reader");
		String token = issuer().token(subject);
		post(token, document, hashOf(document), Map.of());

		EntityExchangeResult<String> answer = get(token, hashOf(document), "{}", null);
		assertThat(answer.getResponseBody()).contains("\"subject\":\"" + subject + "\"");
		assertThat(answer.getResponseHeaders().getCacheControl()).isEqualTo("no-cache, private");
	}

	@Test
	void aMutationNeverRunsByGet() {
		String owner = unique("owner");
		String token = issuer().token(owner);
		String document = "mutation RegisterByGet($input: RegisterBrandInput!) { registerBrand(input: $input) "
				+ "{ brand { slug } userErrors { code } } } # " + unique("mutation");
		String first = unique("first");
		post(token, document, hashOf(document), Map.of("input", brandInput(first)));
		String second = unique("second");

		EntityExchangeResult<String> refused = get(token, hashOf(document),
				"{\"input\":{\"name\":\"" + second + "\",\"website\":\"" + second + ".example\",\"slug\":\"" + second
						+ "\"}}",
				null);
		assertThat(refused.getStatus()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
		assertThat(refused.getResponseHeaders().getAllow()).containsExactly(HttpMethod.POST);
		assertThat(refused.getResponseBody()).contains("POST_REQUIRED").doesNotContain("\"data\":{");
		anonymous().document("{ brand(slug: \"" + second + "\") { slug } }").execute().path("brand").valueIsNull();
		anonymous().document("{ brand(slug: \"" + first + "\") { slug } }").execute()
				.path("brand.slug").entity(String.class).isEqualTo(first);
	}

	@Test
	void aGetWithoutAHashOrWithTheDocumentsTextIsABadRequest() {
		EntityExchangeResult<String> text = http().get()
				.uri(uri -> uri.path("/graphql").queryParam("query", "{query}").build("{brands(first:1){nodes{slug}}}"))
				.exchange().expectBody(String.class).returnResult();
		assertThat(text.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(text.getResponseBody()).contains("persisted queries only").contains("BAD_REQUEST");

		EntityExchangeResult<String> malformed = get(null, "abc", "not json", null);
		assertThat(malformed.getStatus()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(malformed.getResponseBody()).contains("must be JSON objects");
	}

	@Test
	void theSchemaIsServedAsSdlToCallersWhoMayIntrospect() {
		// This context keeps introspection from anonymous callers (the default), so the file is not there for them.
		http().get().uri("/graphql/schema").exchange().expectStatus().isNotFound();

		EntityExchangeResult<String> sdl = http().get().uri("/graphql/schema")
				.headers(headers -> headers.setBearerAuth(issuer().token(unique("codegen")))).exchange()
				.expectStatus().isOk().expectBody(String.class).returnResult();
		assertThat(sdl.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_PLAIN)).isTrue();
		assertThat(sdl.getResponseBody()).contains("type Complaint").contains("fileComplaint(input: FileComplaintInput!)");
	}

	private static Map<String, Object> brandInput(String slug) {
		return Map.of("name", slug, "website", slug + ".example", "slug", slug);
	}

	static String hashOf(String document) {
		return RequestHash.of(document);
	}

	private EntityExchangeResult<String> post(String token, String document, String hash, Map<String, Object> variables) {
		Map<String, Object> body = new HashMap<>();
		if (document != null) {
			body.put("query", document);
		}
		body.put("variables", variables);
		body.put("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
		return http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.headers(headers -> {
					if (token != null) {
						headers.setBearerAuth(token);
					}
				})
				.bodyValue(body).exchange().expectBody(String.class).returnResult();
	}

	private EntityExchangeResult<String> get(String token, String hash, String variables, String ifNoneMatch) {
		String extensions = "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\"" + hash + "\"}}";
		return http().get().uri(uri -> uri.path("/graphql").queryParam("variables", "{variables}")
				.queryParam("extensions", "{extensions}").build(variables, extensions)).headers(headers -> {
			if (token != null) {
				headers.setBearerAuth(token);
			}
			if (ifNoneMatch != null) {
				headers.setIfNoneMatch(ifNoneMatch);
			}
		}).exchange().expectBody(String.class).returnResult();
	}
}
