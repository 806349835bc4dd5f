package io.redress.moderation;

import java.time.OffsetDateTime;

/**
 * A flag on a complaint or a message. {@code flaggerId} and {@code authorId} are profiles: the flagger reads their
 * flag, the author is told of rulings and may appeal. A flag Redress raised itself names its {@code signal} and has
 * no flagger. {@code ruledBy} is the moderator of the standing ruling.
 * {@code moderatorView} says whether it is read by a moderator, who alone sees its audit trail and original texts.
 */
record Flag(long id, TargetKind targetKind, long targetId, long complaintId, long brandId, Long flaggerId,
		Long authorId, AskedBy askedBy, FlagReason reason, SignalRule signal, String note, FlagStatus status, boolean hidden,
		Ruling ruling, String ruledBy, OffsetDateTime createdAt, boolean moderatorView) {

	static final String TYPE = "Flag";

	/** What was flagged; the name is the GraphQL type of its global id. */
	enum TargetKind {

		COMPLAINT("Complaint"), MESSAGE("Message");

		private final String typeName;

		TargetKind(String typeName) {
			this.typeName = typeName;
		}

		String typeName() {
			return typeName;
		}
	}

	/** Whether Redress raised it for a signal: its hold ends when a moderator keeps the complaint. */
	boolean holds() {
		return signal != null;
	}

	/** The flag as a moderator reads it. */
	Flag forModerator() {
		return new Flag(id, targetKind, targetId, complaintId, brandId, flaggerId, authorId, askedBy, reason, signal,
				note, status, hidden, ruling, ruledBy, createdAt, true);
	}

	/** The flag as its author reads it: without the flagger's note (a signal's note is its public description). */
	Flag forAuthor() {
		return new Flag(id, targetKind, targetId, complaintId, brandId, flaggerId, authorId, askedBy, reason, signal,
				signal == null ? null : note, status, hidden, ruling, ruledBy, createdAt, false);
	}
}
