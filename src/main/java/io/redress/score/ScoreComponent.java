package io.redress.score;

import org.springframework.modulith.NamedInterface;

/**
 * One part of the score.
 *
 * @param name which part
 * @param weight its weight W in the score
 * @param value its proportion p in 0..1, shrunk toward 0.5
 * @param sampleSize how many complaints it applies to
 * @param effectiveSize n, the recency-weighted sample size plus the prior's pseudo-observations
 */
@NamedInterface("read")
public record ScoreComponent(ScoreComponentName name, double weight, double value, int sampleSize,
		double effectiveSize) {
}
