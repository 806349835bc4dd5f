package io.redress.complaint;

import java.time.OffsetDateTime;

import io.redress.shared.TextMask;

/**
 * The consumer's rating of how the complaint ended. {@link #writtenComment()} is the comment as written; readers see
 * {@link #shownComment()}, masked when the rating is {@link #masked()}, and only when it is read: most reads of a
 * page of complaints ask for the stars alone.
 */
record Rating(long complaintId, int stars, boolean wouldBuyAgain, String writtenComment, OffsetDateTime ratedAt,
		boolean revisable, boolean shownMasked) {

	/** A rating as written, for its participants. */
	Rating(long complaintId, int stars, boolean wouldBuyAgain, String writtenComment, OffsetDateTime ratedAt,
			boolean revisable) {
		this(complaintId, stars, wouldBuyAgain, writtenComment, ratedAt, revisable, false);
	}

	/** The same rating as the public may read it: its comment masked when read. */
	Rating masked() {
		return shownMasked ? this
				: new Rating(complaintId, stars, wouldBuyAgain, writtenComment, ratedAt, revisable, true);
	}

	/** The comment as this rating's reader may read it. */
	String shownComment() {
		return shownMasked ? TextMask.mask(writtenComment) : writtenComment;
	}
}
