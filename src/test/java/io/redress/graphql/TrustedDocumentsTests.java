package io.redress.graphql;

import java.util.HashMap;
import java.util.Map;

import graphql.introspection.Introspection;
import io.redress.ApiTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The allow-list mode for production: only the documents of the manifest ({@code trusted-documents.json}, as Apollo's
 * manifest generator writes it) run, by their id or as their exact text; nothing a client sends registers another.
 * Introspection is off here, and the schema file with it.
 */
@TestPropertySource(properties = { "redress.graphql.trusted-documents=classpath:trusted-documents.json",
		"spring.graphql.schema.introspection.enabled=false" })
class TrustedDocumentsTests extends ApiTest {

	private static final String TRUSTED = "query TrustedBrand($slug: String!) { brand(slug: $slug) { slug name } }";

	/**
	 * Spring Boot turns introspection off for the whole JVM ({@code Introspection.enabledJvmWide}), and the other
	 * tests' contexts share this JVM: they expect it on.
	 */
	@AfterAll
	static void introspectionBackOnForTheOtherContexts() {
		Introspection.enabledJvmWide(true);
	}

	@Test
	void aTrustedDocumentRunsByItsIdByGetOrAsItsText() {
		// Brands are registered by a mutation no manifest lists: this one is written straight into the table.
		String token = unique("trusted");
		insertBrands(token, 1);
		String slug = token + "-b1";

		assertThat(post(null, PersistedQueryTests.hashOf(TRUSTED), slug).getResponseBody())
				.contains("\"slug\":\"" + slug + "\"").doesNotContain("errors");
		assertThat(post(TRUSTED, null, slug).getResponseBody()).contains("\"slug\":\"" + slug + "\"");
		http().get().uri(uri -> uri.path("/graphql").queryParam("variables", "{v}").queryParam("extensions", "{e}")
				.build("{\"slug\":\"" + slug + "\"}", "{\"persistedQuery\":{\"version\":1,\"sha256Hash\":\""
						+ PersistedQueryTests.hashOf(TRUSTED) + "\"}}"))
				.exchange().expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body)
						.contains("\"slug\":\"" + slug + "\""));
	}

	@Test
	void anyOtherDocumentIsRefusedAndCannotBeRegistered() {
		String other = "query Other { brands(first: 1) { nodes { slug } } }";

		EntityExchangeResult<String> text = post(other, null, "acme");
		assertThat(text.getResponseBody()).contains("TRUSTED_DOCUMENT_REQUIRED")
				.contains("\"classification\":\"BAD_REQUEST\"").doesNotContain("\"data\":{");
		assertThat(post(other, PersistedQueryTests.hashOf(other), "acme").getResponseBody())
				.contains("PersistedQueryNotFound");
		assertThat(post(null, PersistedQueryTests.hashOf(other), "acme").getResponseBody())
				.contains("PersistedQueryNotFound");
	}

	@Test
	void withIntrospectionOffTheSchemaFileIsNotThere() {
		http().get().uri("/graphql/schema").headers(headers -> headers.setBearerAuth(issuer().token(unique("gen"))))
				.exchange().expectStatus().isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void aManifestMayAlsoBeAMapOfIdToText() {
		TrustedDocuments documents = TrustedDocuments.read(new ByteArrayResource(
				"{\"abc\": \"query A { __typename }\", \"def\": \"query B { __typename }\"}".getBytes()),
				JsonMapper.builder().build());

		assertThat(documents.size()).isEqualTo(2);
		assertThat(documents.trusts("query B { __typename }")).isTrue();
		assertThatThrownBy(() -> TrustedDocuments.read(new ByteArrayResource("{}".getBytes()),
				JsonMapper.builder().build())).hasMessageContaining("lists no document");
	}

	private EntityExchangeResult<String> post(String document, String hash, String slug) {
		Map<String, Object> body = new HashMap<>();
		if (document != null) {
			body.put("query", document);
		}
		if (hash != null) {
			body.put("extensions", Map.of("persistedQuery", Map.of("version", 1, "sha256Hash", hash)));
		}
		body.put("variables", Map.of("slug", slug));
		return http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange()
				.expectBody(String.class).returnResult();
	}
}
