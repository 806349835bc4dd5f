package io.redress.score;

import java.time.LocalDate;

/** A brand's score at the end of a day (UTC), or as last computed on that day. */
record ScoreSnapshot(long brandId, LocalDate day, double value, double low, double high, ScoreTier tier,
		int ratedCount) {
}
