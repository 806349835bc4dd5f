package io.redress.graphql;

import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits per caller: a caller is the token's subject, or the client's IP address when anonymous (behind a proxy,
 * {@code server.forward-headers-strategy} must be set so the address is the client's, not the proxy's).
 *
 * @param store where the rate budgets live: {@code local} (each node counts on its own) or {@code redis} (shared by
 *        all nodes, at {@code redisUrl})
 * @param redisUrl the Redis server of the shared store, used only when {@code store} is {@code redis}
 * @param costPerMinute cost a signed-in caller may spend per minute; an operation costs {@code baseCost} plus its
 *        computed complexity (page sizes times children, every alias counted)
 * @param anonymousCostPerMinute the same for one IP address without a token
 * @param baseCost what every operation costs on top of its complexity, so even trivial ones are counted
 * @param contentPerHour content-creating mutation fields one caller may run per hour (each alias counts)
 * @param contentMutations the mutations that create content, charged to the hourly content quota
 * @param maxSocketsPerPrincipal WebSockets one signed-in caller may hold open at once
 * @param maxSocketsPerIp WebSockets one IP address may hold open at once
 * @param maxSubscriptionsPerPrincipal subscriptions one signed-in caller may hold across all sockets and streams
 * @param maxSubscriptionsPerIp subscriptions one IP address may hold across all sockets and streams
 * @param maxStreamsPerPrincipal Server-Sent Event subscriptions one signed-in caller may hold open
 * @param maxStreamsPerIp Server-Sent Event streams (GraphQL and live widgets) one IP address may hold open
 * @param maxSubscriptionsPerNode subscriptions and live streams this node holds in all; 0 derives it from the heap
 * @param widgetRequestsPerMinute widget requests one IP address may make per minute
 * @param maxTrackedCallers callers whose budgets the local store keeps; the least recently seen are forgotten first
 */
@ConfigurationProperties("redress.limits")
record LimitSettings(@DefaultValue("local") Store store, @DefaultValue("redis://127.0.0.1:6379") String redisUrl,
		@DefaultValue("6000") long costPerMinute, @DefaultValue("3000") long anonymousCostPerMinute,
		@DefaultValue("5") long baseCost, @DefaultValue("60") long contentPerHour,
		@DefaultValue({ "fileComplaint", "postMessage", "registerBrand", "claimBrand", "flagContent",
				"appealRuling" }) Set<String> contentMutations,
		@DefaultValue("10") int maxSocketsPerPrincipal, @DefaultValue("50") int maxSocketsPerIp,
		@DefaultValue("100") int maxSubscriptionsPerPrincipal, @DefaultValue("500") int maxSubscriptionsPerIp,
		@DefaultValue("10") int maxStreamsPerPrincipal, @DefaultValue("50") int maxStreamsPerIp,
		@DefaultValue("0") int maxSubscriptionsPerNode, @DefaultValue("600") long widgetRequestsPerMinute,
		@DefaultValue("100000") long maxTrackedCallers) {

	/**
	 * An idle subscription holds about 22 KB of heap, its share of its socket included (measured by
	 * {@code bench/RealtimeBenchmark}); half the heap is the most they may take, at 25 KB each.
	 */
	static final long HEAP_PER_SUBSCRIPTION = 25 * 1024;

	/** Where the rate budgets are kept. */
	enum Store {
		LOCAL, REDIS
	}

	/** The node's ceiling on subscriptions and live streams: the setting, or half the heap at 25 KB each. */
	int subscriptionsPerNode() {
		if (maxSubscriptionsPerNode > 0) {
			return maxSubscriptionsPerNode;
		}
		return (int) Math.max(100, Runtime.getRuntime().maxMemory() / 2 / HEAP_PER_SUBSCRIPTION);
	}
}
