package io.redress.score;

/** Why a complaint filed in the score's window does not count. */
public enum ScoreExclusion {

	/** The consumer withdrew it before the brand replied. */
	WITHDRAWN,
	/** A moderator removed it. */
	REMOVED,
	/** It is under review (held or hidden) until a moderator rules. */
	UNDER_REVIEW;

	public static ScoreExclusion of(String name) {
		return name == null ? null : valueOf(name);
	}
}
