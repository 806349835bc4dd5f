package io.redress.complaint;

import java.time.OffsetDateTime;

/** The question whether a resolution held, and the consumer's answer once given. */
record FollowUp(long complaintId, OffsetDateTime resolvedAt, OffsetDateTime askedAt, Boolean held,
		String comment, OffsetDateTime answeredAt) {

	public boolean answered() {
		return answeredAt != null;
	}

	/** As the public sees it: whether it held, never the consumer's words. */
	FollowUp withoutComment() {
		return new FollowUp(complaintId, resolvedAt, askedAt, held, null, answeredAt);
	}
}
