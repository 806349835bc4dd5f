package io.redress.complaint;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How often this node looks for moments due, and how many it announces at once (how long before a target
 * its {@code DUE_SOON} comes is each brand's setting). Checked at start-up: a setting
 * out of range stops the application and names itself.
 *
 * @param sweepInterval how often each node looks for moments due (a target passing, a follow-up due)
 * @param batch moments announced per transaction
 */
@ConfigurationProperties("redress.targets")
record TargetSettings(@DefaultValue("30s") Duration sweepInterval, @DefaultValue("500") int batch) {

	TargetSettings {
		require(positive(sweepInterval), "redress.targets.sweep-interval must be positive");
		require(batch >= 1 && batch <= 10_000, "redress.targets.batch must be 1 to 10000");
	}

	private static boolean positive(Duration duration) {
		return duration != null && !duration.isNegative() && !duration.isZero();
	}

	private static void require(boolean holds, String message) {
		if (!holds) {
			throw new IllegalArgumentException(message);
		}
	}
}
