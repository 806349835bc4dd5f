package io.redress;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.redress.testing.TestIssuer;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may call: real JWTs from a test issuer, and tokens that must be turned away with 401. */
class SecurityTests extends ApiTest {

	private static final Map<String, String> VIEWER = Map.of("query", "{ viewer { id subject roles } }");

	@Test
	void tokenFromAnotherIssuerIsRejected() {
		try (TestIssuer foreign = TestIssuer.start(0)) {
			rejected(foreign.token("alice"));
		}
	}

	@Test
	void expiredTokenIsRejected() {
		rejected(issuer().token("alice", List.of(), Instant.now().minusSeconds(120), TestIssuer.AUDIENCE));
	}

	@Test
	void tokenForAnotherAudienceIsRejected() {
		rejected(issuer().token("alice", List.of(), Instant.now().plusSeconds(600), "someone-else"));
	}

	@Test
	void garbageTokenIsRejected() {
		rejected("not-a-jwt");
	}

	@Test
	void anonymousCallerHasNoViewer() {
		anonymous().document("{ viewer { id } }").execute().path("viewer").valueIsNull();
	}

	@Test
	void signedInCallerIsTheirViewerWithTheirPlatformRoles() {
		as("mod").document("{ viewer { subject roles } }").execute()
				.path("viewer.subject").entity(String.class).isEqualTo("mod")
				.path("viewer.roles").entityList(String.class).containsExactly("MODERATOR");
		String subject = unique("consumer");
		as(subject).document("{ viewer { roles publicName } }").execute()
				.path("viewer.roles").entityList(String.class).hasSize(0)
				.path("viewer.publicName").entity(String.class).satisfies(name -> assertThat(name).startsWith("Shopper-"));
	}

	@Test
	void profileIsCreatedOnceEvenByConcurrentFirstCalls() {
		String subject = unique("newcomer");
		List<String> ids = Flux.range(0, 8)
				.flatMap(i -> Mono.fromCallable(() -> as(subject).document("{ viewer { id } }").execute()
						.path("viewer.id").entity(String.class).get()).subscribeOn(Schedulers.boundedElastic()))
				.collectList().block(Duration.ofSeconds(30));

		assertThat(ids).hasSize(8).containsOnly(ids.get(0));
		assertThat(db.sql("SELECT count(*) FROM profiles WHERE subject = :subject").bind("subject", subject)
				.map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);
	}

	/** Spring Security's firewall still refuses a header its default rules refuse (a C1 control character). */
	@Test
	void headerWithAControlCharacterIsRefusedByTheFirewall() {
		http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.header(HttpHeaders.AUTHORIZATION, "Bearer a\u0085b")
				.bodyValue(VIEWER)
				.exchange()
				.expectStatus().isBadRequest();
	}

	private void rejected(String token) {
		WebTestClient.ResponseSpec response = http().post().uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.headers(headers -> headers.setBearerAuth(token))
				.bodyValue(VIEWER)
				.exchange();
		response.expectStatus().isUnauthorized()
				.expectHeader().value(HttpHeaders.WWW_AUTHENTICATE, value -> assertThat(value).startsWith("Bearer"))
				.expectBody().consumeWith(body -> assertThat(body.getResponseBody() == null
						? "" : new String(body.getResponseBody())).doesNotContain("\"data\""));
	}
}
