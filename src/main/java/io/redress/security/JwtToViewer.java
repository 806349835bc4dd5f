package io.redress.security;

import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import reactor.core.publisher.Mono;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * Turns a validated JWT into a {@link Viewer}: {@code sub} is the user, platform roles come from the configured claim.
 * The claim may be a dotted path ({@code realm_access.roles} for Keycloak) and hold a list or a space-separated
 * string; unknown values are ignored.
 */
final class JwtToViewer implements Converter<Jwt, Mono<AbstractAuthenticationToken>> {

	static final int MAX_SUBJECT_LENGTH = 255;

	private final List<String> claimPath;

	JwtToViewer(String rolesClaim) {
		this.claimPath = List.of(rolesClaim.split("\\."));
	}

	@Override
	public Mono<AbstractAuthenticationToken> convert(Jwt jwt) {
		String subject = jwt.getSubject();
		if (subject == null || subject.isBlank() || subject.length() > MAX_SUBJECT_LENGTH) {
			return Mono.error(new InvalidBearerTokenException("The token has no usable subject"));
		}
		return Mono.just(new ViewerAuthentication(jwt, new Viewer(subject, roles(jwt))));
	}

	private Set<PlatformRole> roles(Jwt jwt) {
		Set<PlatformRole> roles = EnumSet.noneOf(PlatformRole.class);
		for (Object value : values(claim(jwt.getClaims()))) {
			PlatformRole.fromClaimValue(String.valueOf(value)).ifPresent(roles::add);
		}
		return roles;
	}

	private Object claim(Map<String, Object> claims) {
		Object current = claims;
		for (String name : claimPath) {
			if (!(current instanceof Map<?, ?> map)) {
				return null;
			}
			current = map.get(name);
		}
		return current;
	}

	private static Collection<?> values(Object claim) {
		if (claim instanceof Collection<?> collection) {
			return collection;
		}
		return Optional.ofNullable(claim).map(value -> List.of(value.toString().split(" "))).orElse(List.of());
	}
}
