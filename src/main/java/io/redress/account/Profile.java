package io.redress.account;

import java.time.OffsetDateTime;
import java.util.Set;

import io.redress.security.PlatformRole;

/** The signed-in caller as {@code viewer} shows them: their profile and their platform roles. */
public record Profile(long id, String subject, String publicName, Set<PlatformRole> roles, OffsetDateTime createdAt) {

	public static final String TYPE = "Profile";

	/** The public name of a consumer who erased their account, wherever their complaints and messages show it. */
	public static final String ERASED_NAME = "Former customer";
}
