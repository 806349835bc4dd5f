package io.redress.thread;

import java.time.OffsetDateTime;

import io.redress.complaint.Complaint;
import io.redress.complaint.ModerationStatus;
import io.redress.shared.TextMask;

/**
 * One message in a complaint's thread, with the name it shows under; {@code keptFromPartners} when the consumer kept
 * this private message from the partners brought into the case.
 */
record Message(long id, long complaintId, AuthorKind authorKind, String authorName, MessageVisibility visibility,
		String body, OffsetDateTime createdAt, ModerationStatus moderation, boolean redacted, boolean keptFromPartners) {

	public static final String TYPE = "Message";

	public enum AuthorKind {
		CONSUMER, BRAND, PARTNER, SYSTEM
	}

	Message masked() {
		return new Message(id, complaintId, authorKind, authorName, visibility, TextMask.mask(body), createdAt,
				moderation, redacted, keptFromPartners);
	}

	/** Whether someone outside the case may read it: public, and not hidden or removed by a moderator. */
	boolean publiclyVisible() {
		return visibility == MessageVisibility.PUBLIC && moderation == null;
	}

	/** Whether a participant in the case reads it: all of them do, but partners not what the consumer kept from them. */
	boolean readableBy(Complaint complaint) {
		return complaint.participant() && !(complaint.partner() && keptFromPartners);
	}
}
