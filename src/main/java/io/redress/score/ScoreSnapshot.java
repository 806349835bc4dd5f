package io.redress.score;

import java.time.LocalDate;

import org.springframework.modulith.NamedInterface;

/** A brand's score at the end of a day (UTC), or as last computed on that day. */
@NamedInterface("read")
public record ScoreSnapshot(long brandId, LocalDate day, double value, double low, double high, ScoreTier tier,
		int ratedCount) {
}
