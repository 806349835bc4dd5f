package io.redress.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of webhook deliveries. Checked at start-up: a setting out of range stops the application and names itself.
 *
 * @param sending whether this node plans and sends deliveries (any number of nodes may; each delivery is sent by one)
 * @param timeout the longest wait for a receiver's answer, connecting included
 * @param retryDelays the waits before each retry of a failed delivery; after the last one it is given up
 * @param disableAfter an endpoint failing for this long, without a success, is disabled
 * @param allowedPrivateNetworks networks (CIDR, comma-separated) that endpoints may be in besides public addresses,
 *        over plain http too; empty in production, {@code 127.0.0.0/8} for a local receiver in tests and development
 * @param maxConcurrentSends deliveries one node sends at once; each endpoint gets one at a time, in order. Each
 *        records its outcome on a database connection, so keep it well below {@code spring.r2dbc.pool.max-size}
 * @param pollInterval how often a node looks for deliveries that are due (new ones wake the planning node at once)
 * @param batch events the planner turns into deliveries per transaction
 * @param retention how long delivered and given-up deliveries are kept in the log
 */
@ConfigurationProperties("redress.webhooks")
record WebhookSettings(@DefaultValue("true") boolean sending, @DefaultValue("10s") Duration timeout,
		@DefaultValue({ "5s", "5m", "30m", "2h", "5h", "10h", "10h" }) List<Duration> retryDelays,
		@DefaultValue("5d") Duration disableAfter, @DefaultValue List<String> allowedPrivateNetworks,
		@DefaultValue("8") int maxConcurrentSends, @DefaultValue("1s") Duration pollInterval,
		@DefaultValue("200") int batch, @DefaultValue("30d") Duration retention) {

	WebhookSettings {
		require(positive(timeout) && timeout.compareTo(Duration.ofMinutes(1)) <= 0,
				"redress.webhooks.timeout must be positive and at most 1m");
		require(!retryDelays.isEmpty() && retryDelays.stream().allMatch(WebhookSettings::positive),
				"redress.webhooks.retry-delays must list positive durations");
		require(positive(disableAfter), "redress.webhooks.disable-after must be positive");
		require(maxConcurrentSends >= 1 && maxConcurrentSends <= 1000,
				"redress.webhooks.max-concurrent-sends must be 1 to 1000");
		require(positive(pollInterval), "redress.webhooks.poll-interval must be positive");
		require(batch >= 1 && batch <= 10_000, "redress.webhooks.batch must be 1 to 10000");
		require(positive(retention), "redress.webhooks.retention must be positive");
		allowedPrivateNetworks = List.copyOf(allowedPrivateNetworks);
	}

	/** How long a node holds an endpoint while sending: long enough for an attempt, so nobody takes it over early. */
	Duration lease() {
		return timeout.multipliedBy(3).plusSeconds(30);
	}

	private static boolean positive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	private static void require(boolean valid, String message) {
		if (!valid) {
			throw new IllegalArgumentException(message);
		}
	}
}
