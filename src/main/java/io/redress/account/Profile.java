package io.redress.account;

import java.time.OffsetDateTime;
import java.util.Set;

import io.redress.security.PlatformRole;

/** The signed-in caller as {@code viewer} shows them: their profile and their platform roles. */
public record Profile(long id, String subject, String publicName, Set<PlatformRole> roles, OffsetDateTime createdAt) {

	public static final String TYPE = "Profile";
}
