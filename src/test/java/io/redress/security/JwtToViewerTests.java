package io.redress.security;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

import static org.assertj.core.api.Assertions.assertThat;

class JwtToViewerTests {

	@Test
	void rolesComeFromAListClaimAndUnknownValuesAreIgnored() {
		assertThat(viewer(new JwtToViewer("roles"), jwt("mod", Map.of("roles", List.of("moderator", "shopper")))))
				.isEqualTo(new Viewer("mod", java.util.Set.of(PlatformRole.MODERATOR)));
	}

	@Test
	void rolesMayBeASpaceSeparatedString() {
		assertThat(viewer(new JwtToViewer("scope"), jwt("ops", Map.of("scope", "admin moderator"))).roles())
				.containsExactlyInAnyOrder(PlatformRole.ADMIN, PlatformRole.MODERATOR);
	}

	@Test
	void rolesClaimMayBeADottedPath() {
		Jwt token = jwt("kc", Map.of("realm_access", Map.of("roles", List.of("admin", "offline_access"))));
		assertThat(viewer(new JwtToViewer("realm_access.roles"), token).isAdmin()).isTrue();
	}

	@Test
	void missingClaimMeansNoRoles() {
		assertThat(viewer(new JwtToViewer("roles"), jwt("alice", Map.of())).roles()).isEmpty();
	}

	@Test
	void tokenWithoutAUsableSubjectIsRejected() {
		StepVerifier.create(new JwtToViewer("roles").convert(jwt(null, Map.of())))
				.expectError(InvalidBearerTokenException.class).verify();
		StepVerifier.create(new JwtToViewer("roles").convert(jwt("x".repeat(256), Map.of())))
				.expectError(InvalidBearerTokenException.class).verify();
	}

	private static Viewer viewer(JwtToViewer converter, Jwt jwt) {
		return ((ViewerAuthentication) converter.convert(jwt).block()).viewer();
	}

	private static Jwt jwt(String subject, Map<String, Object> claims) {
		Jwt.Builder builder = Jwt.withTokenValue("token").header("alg", "RS256")
				.issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(60)).claim("iss", "https://issuer.example");
		if (subject != null) {
			builder.subject(subject);
		}
		claims.forEach(builder::claim);
		return builder.build();
	}
}
