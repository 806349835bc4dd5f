package io.redress.score;

import java.time.Instant;

import io.redress.complaint.ComplaintStatus;

/**
 * One complaint as the score sees it: its clocks, its status, its rating (stars and wouldBuyAgain are null when it
 * is not rated) and why it does not count, if it does not (a withdrawn one never counts).
 */
public record ScoredComplaint(Instant createdAt, ComplaintStatus status, Instant firstResponseAt,
		Instant firstResponseDueAt, Integer stars, Boolean wouldBuyAgain, ScoreExclusion exclusion) {

	public ScoredComplaint {
		if (createdAt == null || status == null || firstResponseDueAt == null) {
			throw new IllegalArgumentException("A scored complaint has a creation time, a status and a response target");
		}
		if ((stars == null) != (wouldBuyAgain == null) || (stars != null && (stars < 1 || stars > 5))) {
			throw new IllegalArgumentException("A rating has 1 to 5 stars and a wouldBuyAgain answer");
		}
		if (exclusion == null && status == ComplaintStatus.WITHDRAWN) {
			exclusion = ScoreExclusion.WITHDRAWN;
		}
	}

	/** A complaint no moderator has taken out of the score. */
	public ScoredComplaint(Instant createdAt, ComplaintStatus status, Instant firstResponseAt,
			Instant firstResponseDueAt, Integer stars, Boolean wouldBuyAgain) {
		this(createdAt, status, firstResponseAt, firstResponseDueAt, stars, wouldBuyAgain, null);
	}

	boolean rated() {
		return stars != null;
	}
}
