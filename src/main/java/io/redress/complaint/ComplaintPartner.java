package io.redress.complaint;

import java.time.OffsetDateTime;

/**
 * A brand brought into a complaint as a partner. The public reads which partners are involved and since when; the
 * note the brand wrote and a decline's reason are for the case's participants.
 */
record ComplaintPartner(long complaintId, long partnerBrandId, Status status, String note,
		OffsetDateTime joinedAt, OffsetDateTime firstResponseAt, OffsetDateTime declinedAt, String declineReason) {

	public enum Status {
		INVOLVED, DECLINED
	}

	/** As someone outside the case sees it: the partner and when it joined, without the note or a reason. */
	ComplaintPartner publicView() {
		return new ComplaintPartner(complaintId, partnerBrandId, status, null, joinedAt, firstResponseAt, declinedAt,
				null);
	}
}
