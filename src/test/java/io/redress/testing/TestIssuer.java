package io.redress.testing;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.JSONObjectUtils;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.resources.LoopResources;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * A small but real OpenID issuer for development and tests: discovery document, JWKS and a token endpoint over HTTP,
 * tokens signed with its own RSA key. Any subject may ask for a token (this is a developer tool, not an identity
 * provider); the demo moderator and admin get their platform roles in the {@code roles} claim.
 */
public final class TestIssuer implements AutoCloseable {

	public static final String AUDIENCE = "redress-api";
	public static final Duration TOKEN_LIFETIME = Duration.ofHours(1);

	private static final Pattern SUBJECT = Pattern.compile("^[A-Za-z0-9._@-]{1,64}$");
	private static final Map<String, List<String>> DEMO_ROLES = Map.of("mod", List.of("moderator"), "admin",
			List.of("admin"));

	private final RSAKey key;
	private final LoopResources loop;
	private final DisposableServer server;
	private final String issuer;

	private TestIssuer(int port) {
		try {
			this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		// Its own event loop: a Spring context that closes (a second node in a test) disposes Reactor Netty's global
		// one, which would take the issuer down with it for every test after.
		this.loop = LoopResources.create("test-issuer", 1, true);
		this.server = HttpServer.create().host("127.0.0.1").port(port).runOn(loop)
				.route(routes -> routes
						.get("/.well-known/openid-configuration", (request, response) -> json(response, discovery()))
						.get("/jwks", (request, response) -> json(response, new JWKSet(key.toPublicJWK()).toJSONObject()))
						.post("/token", this::token))
				.bindNow();
		this.issuer = "http://127.0.0.1:" + server.port();
	}

	/** Starts an issuer on the given port; 0 picks a free one. */
	public static TestIssuer start(int port) {
		return new TestIssuer(port);
	}

	public String issuerUri() {
		return issuer;
	}

	public String jwkSetUri() {
		return issuer + "/jwks";
	}

	/** A token for {@code subject} with its demo roles, valid for an hour. */
	public String token(String subject) {
		return token(subject, DEMO_ROLES.getOrDefault(subject, List.of()), Instant.now().plus(TOKEN_LIFETIME), AUDIENCE);
	}

	public String tokenWithRoles(String subject, String... roles) {
		return token(subject, List.of(roles), Instant.now().plus(TOKEN_LIFETIME), AUDIENCE);
	}

	/**
	 * What the local issuer's token endpoint and the dev server's "Sign in as" hand out: a token with the demo
	 * user's roles and an address ({@code alice@example.com}), as a real identity provider's would carry.
	 */
	public String demoToken(String subject) {
		return tokenWithEmail(subject, subject + "@example.com");
	}

	/** A token whose standard {@code email} claim is {@code email}, as identity providers issue them. */
	public String tokenWithEmail(String subject, String email) {
		return token(subject, DEMO_ROLES.getOrDefault(subject, List.of()), Instant.now().plus(TOKEN_LIFETIME), AUDIENCE,
				email);
	}

	public String token(String subject, List<String> roles, Instant expiresAt, String audience) {
		return token(subject, roles, expiresAt, audience, null);
	}

	private String token(String subject, List<String> roles, Instant expiresAt, String audience, String email) {
		JWTClaimsSet claims = new JWTClaimsSet.Builder()
				.claim("email", email)
				.issuer(issuer)
				.subject(subject)
				.audience(audience)
				.claim("roles", roles)
				.issueTime(Date.from(Instant.now().minusSeconds(60)))
				.notBeforeTime(Date.from(Instant.now().minusSeconds(60)))
				.expirationTime(Date.from(expiresAt))
				.jwtID(UUID.randomUUID().toString())
				.build();
		SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
				.type(JOSEObjectType.JWT).build(), claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
		return jwt.serialize();
	}

	private Map<String, Object> discovery() {
		Map<String, Object> document = new HashMap<>();
		document.put("issuer", issuer);
		document.put("jwks_uri", jwkSetUri());
		document.put("token_endpoint", issuer + "/token");
		document.put("authorization_endpoint", issuer + "/authorize");
		document.put("response_types_supported", List.of("token"));
		document.put("subject_types_supported", List.of("public"));
		document.put("id_token_signing_alg_values_supported", List.of("RS256"));
		document.put("grant_types_supported", List.of("client_credentials", "password"));
		return document;
	}

	/** {@code grant_type=client_credentials&client_id=NAME} or {@code grant_type=password&username=NAME}. */
	private Mono<Void> token(HttpServerRequest request, HttpServerResponse response) {
		return request.receive().aggregate().asString(StandardCharsets.UTF_8).defaultIfEmpty("").flatMap(body -> {
			Map<String, String> form = form(body);
			String subject = "password".equals(form.get("grant_type")) ? form.get("username") : form.get("client_id");
			if (subject == null || !SUBJECT.matcher(subject).matches()) {
				return json(response.status(HttpResponseStatus.BAD_REQUEST), Map.of("error", "invalid_request",
						"error_description", "send grant_type=client_credentials and client_id=<user>"));
			}
			return json(response, Map.of("access_token", demoToken(subject), "token_type", "Bearer", "expires_in",
					TOKEN_LIFETIME.toSeconds()));
		}).then();
	}

	private static Map<String, String> form(String body) {
		Map<String, String> form = new HashMap<>();
		for (String pair : body.split("&")) {
			int eq = pair.indexOf('=');
			if (eq > 0) {
				form.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
						URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return form;
	}

	private static Mono<Void> json(HttpServerResponse response, Map<String, Object> body) {
		return response.header(HttpHeaderNames.CONTENT_TYPE, "application/json")
				.sendString(Mono.just(JSONObjectUtils.toJSONString(body))).then();
	}

	@Override
	public void close() {
		server.disposeNow();
		// Also ends the connections clients keep alive: a closed issuer must not go on answering on them.
		loop.disposeLater().block(Duration.ofSeconds(10));
	}

	/** Runs a stand-alone issuer, as CI does to test the packaged jar: {@code TestIssuer [port]}. */
	public static void main(String[] args) throws InterruptedException {
		TestIssuer issuer = start(args.length > 0 ? Integer.parseInt(args[0]) : 9000);
		System.out.println("Test issuer at " + issuer.issuerUri());
		issuer.server.onDispose().block();
	}
}
