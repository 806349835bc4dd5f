package io.redress.moderation;

import io.redress.realtime.EventType;
import io.redress.realtime.Visibility;

/**
 * The events the moderation module writes. Notices are addressed to one person each (the author of the content, the
 * flagger) and reach them on {@code viewerEvents}; the others are facts for the audit, never delivered.
 */
public enum ModerationEventType implements EventType {

	FLAG_RAISED(Visibility.SYSTEM),
	/** A moderator hid the author's content at once while reviewing it. */
	CONTENT_HIDDEN(Visibility.ADDRESSEE),
	/** A moderator ruled on a flag: to its author and to the flagger. */
	FLAG_RULED(Visibility.ADDRESSEE),
	APPEAL_FILED(Visibility.SYSTEM),
	/** Another moderator decided the author's appeal: to the author and to the flagger. */
	APPEAL_DECIDED(Visibility.ADDRESSEE);

	private final Visibility visibility;

	ModerationEventType(Visibility visibility) {
		this.visibility = visibility;
	}

	public Visibility visibility() {
		return visibility;
	}
}
