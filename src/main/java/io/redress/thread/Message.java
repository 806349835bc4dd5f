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

	/**
	 * Whether the reader of {@code complaint} (read with their rights) may read this message of its thread: internal
	 * notes only the brand's side and moderators; a partner every other message but those the consumer kept from
	 * partners; other participants all; everyone else what is public.
	 */
	boolean readableBy(Complaint complaint) {
		if (visibility == MessageVisibility.INTERNAL) {
			return complaint.insider();
		}
		return complaint.participant() && !(complaint.partner() && keptFromPartners) || publiclyVisible();
	}

	/** Whether someone outside the case may read it: public, and not hidden or removed by a moderator. */
	boolean publiclyVisible() {
		return visibility == MessageVisibility.PUBLIC && moderation == null;
	}
}
