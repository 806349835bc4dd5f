package io.redress.score;

import java.util.Map;

/**
 * What the score is computed from: per component, Σ w·x, Σ w and how many complaints it applies to; how many
 * complaints count and how many are rated; the median hours to a first reply (null when there was none); and how
 * many complaints of the window were left out, by reason.
 */
record ScoreSums(Component respondedInTime, Component resolutionRate, Component ratingScore,
		Component wouldBuyAgainRate, int counted, int rated, Double medianFirstResponseHours,
		Map<ScoreExclusion, Integer> excluded) {

	ScoreSums {
		excluded = Map.copyOf(excluded);
	}

	/** One component's sums. */
	public record Component(double weightedHits, double weights, int count) {
	}
}
