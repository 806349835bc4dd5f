package io.redress.moderation;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The signal settings refuse what makes no sense, and the rules describe themselves with the thresholds in force. */
class SignalSettingsTests {

	private static final SignalSettings DEFAULTS = settings(4, new SignalSettings.PraiseCluster(true,
			Duration.ofHours(72), Duration.ofHours(72), 5, Duration.ofHours(24)));

	@Test
	void productionDefaultsReadAsPlainWords() {
		assertThat(SignalRule.QUICK_PERFECT_RESOLUTION.description(DEFAULTS)).isEqualTo("Resolved and rated 4 stars or "
				+ "more within 24 hours of filing, by an account first seen less than 24 hours before it filed.");
		assertThat(SignalRule.NEW_ACCOUNT_PRAISE_CLUSTER.description(DEFAULTS)).isEqualTo("One of 5 or more complaints "
				+ "against the same brand rated 4 stars or more within 24 hours of one another, each within 72 hours of "
				+ "filing and by an account first seen less than 72 hours before it filed.");
		assertThat(SignalRule.NEW_ACCOUNT_BURST.description(DEFAULTS)).isEqualTo("One of 25 or more complaints filed "
				+ "against the same brand within 1 hour of one another, each by an account first seen less than 72 hours "
				+ "before it filed.");
		assertThat(SignalRule.words(Duration.ofDays(14))).isEqualTo("14 days");
		assertThat(SignalRule.words(Duration.ofMinutes(90))).isEqualTo("90 minutes");
	}

	@Test
	void aRuleThatWouldTripOnOneComplaintOrStarsOutOfRangeStopStartUp() {
		assertThatIllegalArgumentException().isThrownBy(() -> settings(4, new SignalSettings.PraiseCluster(true,
				Duration.ofHours(72), Duration.ofHours(72), 1, Duration.ofHours(24))))
				.withMessageContaining("redress.signals.praise-cluster");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(6, DEFAULTS.praiseCluster()))
				.withMessageContaining("redress.signals.high-stars");
		assertThatIllegalArgumentException().isThrownBy(() -> settings(4, new SignalSettings.PraiseCluster(true,
				Duration.ZERO, Duration.ofHours(72), 5, Duration.ofHours(24))))
				.withMessageContaining("positive");
	}

	private static SignalSettings settings(int highStars, SignalSettings.PraiseCluster cluster) {
		return new SignalSettings(true, 200, highStars,
				new SignalSettings.QuickPerfectResolution(true, Duration.ofHours(24), Duration.ofHours(24)), cluster,
				new SignalSettings.Burst(true, Duration.ofHours(72), 25, Duration.ofHours(1)));
	}
}
