package io.redress.moderation;

/** A moderator's ruling on flagged content. */
enum Ruling {

	/** The content stays as it is (and is shown again if it was hidden for the review). */
	KEEP,
	/** The text is replaced; the original is kept for moderators only. */
	REDACT,
	/** Out of public view; a removed complaint is also out of the score. */
	REMOVE;

	/** Only a ruling that changed the content can be appealed by its author. */
	boolean appealable() {
		return this != KEEP;
	}
}
