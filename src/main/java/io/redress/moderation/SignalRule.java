package io.redress.moderation;

import java.time.Duration;

/**
 * The signals of fake resolutions and review bombing: each a public name and a plain-language description with the
 * thresholds in force. A complaint that trips one stays public, marked under review with the description, and is
 * held out of its brand's score until a moderator rules on the flag the signal raised.
 */
enum SignalRule {

	/** The self-dealing shape: a brand's stooge files, the brand "resolves", the stooge rates it highly at once. */
	QUICK_PERFECT_RESOLUTION {
		@Override
		String description(SignalSettings settings) {
			SignalSettings.QuickPerfectResolution rule = settings.quickPerfectResolution();
			return "Resolved and rated %d stars or more within %s of filing, by an account first seen less than %s before it filed."
					.formatted(settings.highStars(), words(rule.within()), words(rule.accountAge()));
		}

		@Override
		boolean enabled(SignalSettings settings) {
			return settings.quickPerfectResolution().enabled();
		}
	},
	/** Praise farmed through several new accounts, however slowly each case is "resolved". */
	NEW_ACCOUNT_PRAISE_CLUSTER {
		@Override
		String description(SignalSettings settings) {
			SignalSettings.PraiseCluster rule = settings.praiseCluster();
			return "One of %d or more complaints against the same brand rated %d stars or more within %s of one another, each within %s of filing and by an account first seen less than %s before it filed."
					.formatted(rule.count(), settings.highStars(), words(rule.window()), words(rule.within()),
							words(rule.accountAge()));
		}

		@Override
		boolean enabled(SignalSettings settings) {
			return settings.praiseCluster().enabled();
		}
	},
	/** Review bombing: a burst of complaints against one brand from accounts made for it. */
	NEW_ACCOUNT_BURST {
		@Override
		String description(SignalSettings settings) {
			SignalSettings.Burst rule = settings.burst();
			return "One of %d or more complaints filed against the same brand within %s of one another, each by an account first seen less than %s before it filed."
					.formatted(rule.count(), words(rule.window()), words(rule.accountAge()));
		}

		@Override
		boolean enabled(SignalSettings settings) {
			return settings.burst().enabled();
		}
	};

	/** What the rule looks for, in plain words, with the thresholds in force; public. */
	abstract String description(SignalSettings settings);

	abstract boolean enabled(SignalSettings settings);

	static SignalRule of(String name) {
		return name == null ? null : valueOf(name);
	}

	/** "72 hours", "14 days", "30 minutes": a duration as the public reads it (whole weeks and more in days). */
	static String words(Duration duration) {
		if (duration.toDays() >= 7 && duration.equals(Duration.ofDays(duration.toDays()))) {
			return plural(duration.toDays(), "day");
		}
		if (duration.toHours() > 0 && duration.equals(Duration.ofHours(duration.toHours()))) {
			return plural(duration.toHours(), "hour");
		}
		if (duration.toMinutes() > 0 && duration.equals(Duration.ofMinutes(duration.toMinutes()))) {
			return plural(duration.toMinutes(), "minute");
		}
		return plural(duration.toSeconds(), "second");
	}

	private static String plural(long count, String unit) {
		return count + " " + unit + (count == 1 ? "" : "s");
	}
}
