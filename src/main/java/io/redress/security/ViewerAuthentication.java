package io.redress.security;

import java.util.Collection;

import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** A validated JWT together with the {@link Viewer} it stands for. */
final class ViewerAuthentication extends JwtAuthenticationToken {

	private final Viewer viewer;

	ViewerAuthentication(Jwt jwt, Viewer viewer) {
		super(jwt, authorities(viewer), viewer.subject());
		this.viewer = viewer;
	}

	Viewer viewer() {
		return viewer;
	}

	private static Collection<GrantedAuthority> authorities(Viewer viewer) {
		return viewer.roles().stream()
				.<GrantedAuthority>map(role -> new SimpleGrantedAuthority("ROLE_" + role.name()))
				.toList();
	}
}
