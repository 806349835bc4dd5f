package io.redress.score;

/**
 * What the score is computed from: per component, Σ w·x, Σ w and how many complaints it applies to; how many
 * complaints count and how many are rated; and the median hours to a first reply (null when there was none).
 */
record ScoreSums(Component respondedInTime, Component resolutionRate, Component ratingScore,
		Component wouldBuyAgainRate, int counted, int rated, Double medianFirstResponseHours) {

	/** One component's sums. */
	public record Component(double weightedHits, double weights, int count) {
	}
}
