package io.redress.score;

import java.time.Instant;

import io.redress.complaint.ComplaintStatus;

/**
 * One complaint as the score sees it: its clocks, its status and its rating (stars and wouldBuyAgain are null when it
 * is not rated).
 */
public record ScoredComplaint(Instant createdAt, ComplaintStatus status, Instant firstResponseAt,
		Instant firstResponseDueAt, Integer stars, Boolean wouldBuyAgain) {

	public ScoredComplaint {
		if (createdAt == null || status == null || firstResponseDueAt == null) {
			throw new IllegalArgumentException("A scored complaint has a creation time, a status and a response target");
		}
		if ((stars == null) != (wouldBuyAgain == null) || (stars != null && (stars < 1 || stars > 5))) {
			throw new IllegalArgumentException("A rating has 1 to 5 stars and a wouldBuyAgain answer");
		}
	}

	boolean rated() {
		return stars != null;
	}
}
