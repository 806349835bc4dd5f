package io.redress.security;

import io.redress.shared.AuthenticationRequiredException;
import reactor.core.publisher.Mono;

import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

/**
 * The viewer of the current request, read from the Reactor context that Spring Security fills and Spring for
 * GraphQL propagates into data fetchers, so module services need no parameter for it.
 */
public final class CurrentViewer {

	private CurrentViewer() {
	}

	public static Mono<Viewer> get() {
		return ReactiveSecurityContextHolder.getContext()
				.map(SecurityContext::getAuthentication)
				.filter(ViewerAuthentication.class::isInstance)
				.map(authentication -> ((ViewerAuthentication) authentication).viewer())
				.defaultIfEmpty(Viewer.anonymous());
	}

	/**
	 * The address in the caller's token (the standard {@code email} claim), unless the issuer says it is not verified
	 * ({@code email_verified: false}); empty for anonymous callers and tokens without one.
	 */
	public static Mono<String> emailClaim() {
		return ReactiveSecurityContextHolder.getContext()
				.map(SecurityContext::getAuthentication)
				.filter(ViewerAuthentication.class::isInstance)
				.mapNotNull(authentication -> ((ViewerAuthentication) authentication).getToken())
				.filter(jwt -> !Boolean.FALSE.equals(jwt.getClaimAsBoolean("email_verified")))
				.mapNotNull(jwt -> jwt.getClaimAsString("email"));
	}

	/** The viewer, or an error for an anonymous caller. */
	public static Mono<Viewer> required() {
		return get().filter(Viewer::isAuthenticated)
				.switchIfEmpty(Mono.error(AuthenticationRequiredException::new));
	}
}
