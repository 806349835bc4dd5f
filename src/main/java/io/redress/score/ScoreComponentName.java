package io.redress.score;

import org.springframework.modulith.NamedInterface;

/** The four components of the score, with their weights (formula version 2026-11). */
@NamedInterface("read")
public enum ScoreComponentName {

	RESPONDED_IN_TIME(0.25), RESOLUTION_RATE(0.30), RATING_SCORE(0.30), WOULD_BUY_AGAIN_RATE(0.15);

	private final double weight;

	ScoreComponentName(double weight) {
		this.weight = weight;
	}

	public double weight() {
		return weight;
	}
}
