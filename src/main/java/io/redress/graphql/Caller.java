package io.redress.graphql;

import java.net.InetSocketAddress;
import java.util.List;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;

/**
 * Who a limit is counted against: the token's subject when signed in, the client's IP address otherwise. The
 * address is the request's remote address, which Spring rewrites from forwarded headers when
 * {@code server.forward-headers-strategy} says to trust them. The audience is who may read the same as this
 * caller: every anonymous caller alike; a signed-in one with their roles (see {@link SharedEventFields}).
 */
record Caller(String key, String ip, boolean signedIn, String audience) {

	/** Everyone without a token: they may all read exactly the same, whatever their address. */
	static final String PUBLIC = "public";

	static Mono<Caller> of(InetSocketAddress remoteAddress) {
		String ip = ip(remoteAddress);
		return ReactiveSecurityContextHolder.getContext()
				.map(SecurityContext::getAuthentication)
				.filter(authentication -> authentication.isAuthenticated()
						&& !(authentication instanceof AnonymousAuthenticationToken))
				.map(authentication -> new Caller("sub:" + authentication.getName(), ip, true,
						"sub:" + authentication.getName() + " " + authorities(authentication)))
				.defaultIfEmpty(anonymous(ip));
	}

	static Caller anonymous(String ip) {
		return new Caller("ip:" + ip, ip, false, PUBLIC);
	}

	/** The platform roles are part of a signed-in audience: the same subject with another token may read more. */
	private static List<String> authorities(Authentication authentication) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).sorted().toList();
	}

	static String ip(InetSocketAddress address) {
		if (address == null) {
			return "unknown";
		}
		return address.getAddress() != null ? address.getAddress().getHostAddress() : address.getHostString();
	}
}
