package io.redress.score;

import io.redress.realtime.EventType;

/** The events the score module writes. */
public enum ScoreEventType implements EventType {

	/** A brand's score visibly changed; the payload carries the brand's slug and the new score. */
	SCORE_CHANGED
}
