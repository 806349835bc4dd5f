package io.redress.complaint;

/** What moderation did to a complaint or message: nothing (null), or one of these. */
public enum ModerationStatus {

	/** Under review but still public, marked as such; held out of the score until a moderator rules. */
	HELD,
	/** Under review and out of public view: hidden at once for personal data or a threat; out of the score. */
	HIDDEN,
	/** Removed by a moderator's ruling: out of public view and out of the score. */
	REMOVED;

	public boolean publiclyVisible() {
		return this == HELD;
	}

	public static ModerationStatus of(String name) {
		return name == null ? null : valueOf(name);
	}
}
