package io.redress.thread;

import io.redress.realtime.EventType;

/** The events the thread module writes; the schema's {@code ComplaintEventType} extends to them. */
public enum ThreadEventType implements EventType {

	/** A message was posted; public or for the participants only, as the message is. */
	MESSAGE_POSTED,
	/** A moderator hid, redacted, removed or restored a message; for the participants only. */
	MESSAGE_MODERATED,
	/** The consumer kept a private message from the partners in the case; participants but partners. */
	MESSAGE_KEPT_FROM_PARTNERS,
	/** The consumer showed a private message they had kept from partners to them again; participants. */
	MESSAGE_SHOWN_TO_PARTNERS;

	/**
	 * The payload key of a {@code MESSAGE_POSTED} event naming who wrote it: {@code CONSUMER}, {@code BRAND},
	 * {@code PARTNER} or {@code SYSTEM} (a code, never the author).
	 */
	public static final String AUTHOR_KIND = "authorKind";
}
