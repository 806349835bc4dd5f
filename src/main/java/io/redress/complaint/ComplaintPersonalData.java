package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.List;

/** A consumer's complaints whole, as their data export shows them: with every proposal and their rating. */
public record ComplaintPersonalData(List<FiledComplaint> complaints) {

	public ComplaintPersonalData {
		complaints = List.copyOf(complaints);
	}

	/** One complaint the consumer filed; {@code id} is its global id. */
	public record FiledComplaint(String id, String brandSlug, String brandName, String title, String description,
			String category, String orderReference, String status, OffsetDateTime createdAt,
			OffsetDateTime firstResponseAt, OffsetDateTime resolvedAt, List<ProposalRecord> proposals,
			RatingRecord rating) {

		FiledComplaint with(List<ProposalRecord> proposals, RatingRecord rating) {
			return new FiledComplaint(id, brandSlug, brandName, title, description, category, orderReference, status,
					createdAt, firstResponseAt, resolvedAt, List.copyOf(proposals), rating);
		}
	}

	/** A resolution the brand proposed, and the consumer's answer. */
	public record ProposalRecord(String kind, String summary, OffsetDateTime dueAt, String status,
			OffsetDateTime proposedAt, OffsetDateTime answeredAt, String rejectionReason) {
	}

	/** The consumer's rating of how the complaint ended. */
	public record RatingRecord(int stars, boolean wouldBuyAgain, String comment, OffsetDateTime ratedAt) {
	}
}
