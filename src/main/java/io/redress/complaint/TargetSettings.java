package io.redress.complaint;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * When the brand hears that a target is near or past, and how often this node looks. Checked at start-up: a setting
 * out of range stops the application and names itself.
 *
 * @param sweepInterval how often each node looks for moments due (a target passing, a follow-up due)
 * @param batch moments announced per transaction
 * @param firstResponseDueSoon how long before the first-response target its {@code DUE_SOON} comes
 * @param resolutionDueSoon how long before the resolution target its {@code DUE_SOON} comes
 */
@ConfigurationProperties("redress.targets")
record TargetSettings(@DefaultValue("30s") Duration sweepInterval, @DefaultValue("500") int batch,
		@DefaultValue("4h") Duration firstResponseDueSoon, @DefaultValue("1d") Duration resolutionDueSoon) {

	TargetSettings {
		require(positive(sweepInterval), "redress.targets.sweep-interval must be positive");
		require(batch >= 1 && batch <= 10_000, "redress.targets.batch must be 1 to 10000");
		require(positive(firstResponseDueSoon), "redress.targets.first-response-due-soon must be positive");
		require(positive(resolutionDueSoon), "redress.targets.resolution-due-soon must be positive");
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
