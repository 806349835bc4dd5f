package io.redress.complaint;

import java.time.OffsetDateTime;

import org.springframework.modulith.NamedInterface;

/**
 * A complaint as an anonymous reader sees it on the public pages and widgets: the public parts only, masked.
 *
 * @param id the complaint's row id
 * @param brandId its brand
 * @param title its title, masked
 * @param description its description, masked; null in lists, which never show it
 * @param category its category's name
 * @param status its status's name
 * @param authorName the consumer's public name
 * @param underReview whether a moderator holds it under review (still public, out of the score)
 * @param redacted whether a moderator redacted its text
 * @param rating the consumer's rating, its comment masked; null when not rated
 */
@NamedInterface("read")
public record PublicCase(long id, long brandId, String title, String description, String category, String status,
		String authorName, OffsetDateTime createdAt, OffsetDateTime firstResponseAt, OffsetDateTime resolvedAt,
		boolean underReview, boolean redacted, PublicRating rating) {

	/** The type of its global id. */
	public static final String TYPE = Complaint.TYPE;

	/** A consumer's rating as the public reads it. */
	@NamedInterface("read")
	public record PublicRating(int stars, boolean wouldBuyAgain, String comment, OffsetDateTime ratedAt) {
	}

	static PublicCase of(Complaint complaint, Rating rating, boolean withDescription) {
		return new PublicCase(complaint.id(), complaint.brandId(), complaint.title(),
				withDescription ? complaint.shownDescription() : null, complaint.category().name(),
				complaint.status().name(), complaint.authorName(), complaint.createdAt(), complaint.firstResponseAt(),
				complaint.resolvedAt(), complaint.moderation() == ModerationStatus.HELD, complaint.redacted(),
				rating == null ? null
						: new PublicRating(rating.stars(), rating.wouldBuyAgain(), rating.shownComment(),
								rating.ratedAt()));
	}
}
