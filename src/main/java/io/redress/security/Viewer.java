package io.redress.security;

import java.util.Set;

/**
 * The caller of one request: anonymous, or the token's subject with its platform roles.
 */
public record Viewer(String subject, Set<PlatformRole> roles) {

	private static final Viewer ANONYMOUS = new Viewer(null, Set.of());

	public Viewer {
		roles = Set.copyOf(roles);
	}

	public static Viewer anonymous() {
		return ANONYMOUS;
	}

	public boolean isAuthenticated() {
		return subject != null;
	}

	/** Admins can do whatever moderators can. */
	public boolean isModerator() {
		return roles.contains(PlatformRole.MODERATOR) || isAdmin();
	}

	public boolean isAdmin() {
		return roles.contains(PlatformRole.ADMIN);
	}
}
