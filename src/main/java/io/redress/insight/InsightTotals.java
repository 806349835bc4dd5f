package io.redress.insight;

import java.util.List;

/** The period's complaints in figures: how many, how fast they were answered and resolved, how they were rated. */
record InsightTotals(long filed, long resolved, long unresolved, Percentiles firstResponseHours,
		Percentiles resolutionHours, List<StarCount> ratingDistribution, long rated, long wouldBuyAgain) {

	/** Resolved among the complaints that ended (resolved or given up); null while none has. */
	Double resolutionRate() {
		return resolved + unresolved == 0 ? null : (double) resolved / (resolved + unresolved);
	}

	/** Raters who would buy again among all raters; null while nobody rated. */
	Double wouldBuyAgainRate() {
		return rated == 0 ? null : (double) wouldBuyAgain / rated;
	}

	record StarCount(int stars, long count) {
	}
}
