package io.redress.graphql;

import java.net.InetSocketAddress;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

/**
 * Who a limit is counted against: the token's subject when signed in, the client's IP address otherwise. The
 * address is the request's remote address, which Spring rewrites from forwarded headers when
 * {@code server.forward-headers-strategy} says to trust them.
 */
record Caller(String key, String ip, boolean signedIn) {

	static Mono<Caller> of(InetSocketAddress remoteAddress) {
		String ip = ip(remoteAddress);
		return ReactiveSecurityContextHolder.getContext()
				.map(SecurityContext::getAuthentication)
				.filter(authentication -> authentication.isAuthenticated()
						&& !(authentication instanceof AnonymousAuthenticationToken))
				.map(Authentication::getName)
				.map(subject -> new Caller("sub:" + subject, ip, true))
				.defaultIfEmpty(anonymous(ip));
	}

	static Caller anonymous(String ip) {
		return new Caller("ip:" + ip, ip, false);
	}

	static String ip(InetSocketAddress address) {
		if (address == null) {
			return "unknown";
		}
		return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
	}
}
