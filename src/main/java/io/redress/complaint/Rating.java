package io.redress.complaint;

import java.time.OffsetDateTime;

import io.redress.shared.TextMask;

/** The consumer's rating of how the complaint ended. */
record Rating(long complaintId, int stars, boolean wouldBuyAgain, String comment, OffsetDateTime ratedAt,
		boolean revisable) {

	Rating masked() {
		return new Rating(complaintId, stars, wouldBuyAgain, TextMask.mask(comment), ratedAt, revisable);
	}
}
