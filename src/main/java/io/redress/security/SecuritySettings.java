package io.redress.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Deployment settings of the security module.
 *
 * @param rolesClaim the JWT claim holding platform roles ({@code moderator}, {@code admin}); a dotted path is allowed
 * @param corsAllowedOrigins origins of single-page apps allowed to call {@code /graphql} from a browser
 * @param anonymousIntrospection whether callers without a token may introspect the schema
 */
@ConfigurationProperties("redress.security")
record SecuritySettings(@DefaultValue("roles") String rolesClaim,
		@DefaultValue List<String> corsAllowedOrigins, @DefaultValue("false") boolean anonymousIntrospection) {
}
