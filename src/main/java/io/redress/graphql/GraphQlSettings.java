package io.redress.graphql;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what a stranger can ask of the GraphQL endpoint.
 *
 * @param maxDepth deepest nesting of fields in one operation
 * @param maxComplexity total cost of one operation; a list field costs its page size times its children
 * @param maxAliases aliased fields in one document, so one request cannot fan out into thousands of fields
 * @param maxRequestSize largest HTTP request body accepted
 * @param timeout longest time one query or mutation may run
 * @param websocketAllowedOrigins browser origins (patterns) allowed to open the WebSocket endpoint
 * @param maxSubscriptionsPerSocket subscriptions one WebSocket may hold at once
 * @param trustedDocuments where the manifest of trusted documents is (a Spring resource location); when set, only
 *        those documents run
 * @param getMaxAge how long an anonymous answer to a persisted query sent by GET may be cached
 */
@ConfigurationProperties("redress.graphql")
record GraphQlSettings(@DefaultValue("12") int maxDepth, @DefaultValue("2000") int maxComplexity,
		@DefaultValue("30") int maxAliases, @DefaultValue("64KB") DataSize maxRequestSize,
		@DefaultValue("10s") Duration timeout, @DefaultValue List<String> websocketAllowedOrigins,
		@DefaultValue("25") int maxSubscriptionsPerSocket, @DefaultValue("") String trustedDocuments,
		@DefaultValue("60s") Duration getMaxAge) {
}
