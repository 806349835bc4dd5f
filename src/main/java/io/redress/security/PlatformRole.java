package io.redress.security;

import java.util.Locale;
import java.util.Optional;

/** Platform staff roles, taken from a token claim; brand roles live in the database instead. */
public enum PlatformRole {

	MODERATOR, ADMIN;

	static Optional<PlatformRole> fromClaimValue(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "moderator" -> Optional.of(MODERATOR);
			case "admin" -> Optional.of(ADMIN);
			default -> Optional.empty();
		};
	}
}
