package io.redress.complaint;

import java.time.OffsetDateTime;

import io.redress.shared.TextMask;

/** A resolution the brand proposed, and the consumer's answer to it. */
record Proposal(long id, long complaintId, ProposalKind kind, String summary, OffsetDateTime dueAt,
		Status status, OffsetDateTime proposedAt, OffsetDateTime answeredAt, String rejectionReason) {

	/** Unanswered proposals are accepted on the consumer's behalf after this long. */
	public static final java.time.Duration ANSWER_WINDOW = java.time.Duration.ofDays(14);

	public enum Status {
		PROPOSED, ACCEPTED, ASSUMED_ACCEPTED, REJECTED
	}

	Proposal masked() {
		return new Proposal(id, complaintId, kind, TextMask.mask(summary), dueAt, status, proposedAt, answeredAt,
				TextMask.mask(rejectionReason));
	}
}
