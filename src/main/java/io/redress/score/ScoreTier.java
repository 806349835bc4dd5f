package io.redress.score;

import org.springframework.modulith.NamedInterface;

/** The band a score falls in; NOT_ENOUGH_DATA while fewer than five complaints are rated, whatever the value. */
@NamedInterface("read")
public enum ScoreTier {

	EXCELLENT, GREAT, GOOD, FAIR, POOR, NOT_ENOUGH_DATA;

	/** Rated complaints a brand needs before its score has a tier. */
	public static final int MIN_RATED = 5;

	static ScoreTier of(double value, int ratedCount) {
		if (ratedCount < MIN_RATED) {
			return NOT_ENOUGH_DATA;
		}
		if (value >= 85) {
			return EXCELLENT;
		}
		if (value >= 70) {
			return GREAT;
		}
		if (value >= 55) {
			return GOOD;
		}
		return value >= 40 ? FAIR : POOR;
	}
}
