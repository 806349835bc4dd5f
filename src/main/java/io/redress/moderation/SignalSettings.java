package io.redress.moderation;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the signals of fake resolutions and review bombing ({@link SignalRule}). An account is new for a rule
 * when Redress first saw it less than the rule's {@code accountAge} before it filed the complaint. Checked at
 * start-up: a setting out of range stops the application and names itself.
 *
 * @param enabled whether this node follows the event log and applies the rules (any number of nodes may; each event
 *        is applied once)
 * @param batch events applied per transaction
 * @param highStars the fewest stars that count as high praise
 * @param quickPerfectResolution {@link SignalRule#QUICK_PERFECT_RESOLUTION}
 * @param praiseCluster {@link SignalRule#NEW_ACCOUNT_PRAISE_CLUSTER}
 * @param burst {@link SignalRule#NEW_ACCOUNT_BURST}
 */
@ConfigurationProperties("redress.signals")
record SignalSettings(@DefaultValue("true") boolean enabled, @DefaultValue("200") int batch,
		@DefaultValue("4") int highStars, @DefaultValue QuickPerfectResolution quickPerfectResolution,
		@DefaultValue PraiseCluster praiseCluster, @DefaultValue Burst burst) {

	SignalSettings {
		require(batch >= 1 && batch <= 10_000, "redress.signals.batch must be 1 to 10000");
		require(highStars >= 1 && highStars <= 5, "redress.signals.high-stars must be 1 to 5");
		require(positive(quickPerfectResolution.accountAge()) && positive(quickPerfectResolution.within()),
				"redress.signals.quick-perfect-resolution.account-age and .within must be positive");
		require(praiseCluster.count() >= 2 && positive(praiseCluster.accountAge())
				&& positive(praiseCluster.within()) && positive(praiseCluster.window()),
				"redress.signals.praise-cluster needs a count of 2 or more and positive durations");
		require(burst.count() >= 2 && positive(burst.accountAge()) && positive(burst.window()),
				"redress.signals.burst needs a count of 2 or more and positive durations");
	}

	/**
	 * @param enabled whether the rule holds complaints
	 * @param accountAge an account first seen less than this before it filed is new
	 * @param within the longest time from filing to the high rating of the resolved complaint
	 */
	record QuickPerfectResolution(@DefaultValue("true") boolean enabled, @DefaultValue("24h") Duration accountAge,
			@DefaultValue("24h") Duration within) {
	}

	/**
	 * @param enabled whether the rule holds complaints
	 * @param accountAge an account first seen less than this before it filed is new
	 * @param within the longest time from filing to the high rating for a complaint to count
	 * @param count how many such complaints against one brand, rated within one window, trip it
	 * @param window how close together their ratings are
	 */
	record PraiseCluster(@DefaultValue("true") boolean enabled, @DefaultValue("72h") Duration accountAge,
			@DefaultValue("72h") Duration within, @DefaultValue("5") int count, @DefaultValue("24h") Duration window) {
	}

	/**
	 * @param enabled whether the rule holds complaints
	 * @param accountAge an account first seen less than this before it filed is new
	 * @param count how many complaints against one brand from new accounts, filed within one window, trip it
	 * @param window how close together they were filed
	 */
	record Burst(@DefaultValue("true") boolean enabled, @DefaultValue("72h") Duration accountAge,
			@DefaultValue("25") int count, @DefaultValue("1h") Duration window) {
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
