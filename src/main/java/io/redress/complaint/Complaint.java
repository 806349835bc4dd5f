package io.redress.complaint;

import java.time.Duration;
import java.time.OffsetDateTime;

import io.redress.brand.Brand;
import io.redress.shared.TextMask;

/**
 * A complaint as one viewer may see it. {@link #participant()} says whether the viewer is the consumer, a member of
 * the brand or a moderator; for everyone else the private parts are absent and the text is masked: the title at
 * once, the description only when it is read ({@link #shownDescription()}), as most reads never ask for it.
 * {@link #partner()} says the viewer takes part as a member of a partner brand brought into the case, who reads
 * the thread but the private messages the consumer kept from partners.
 * {@link #related()} holds what a page's own statement read with the row for the query (its brand, its rating).
 */
public record Complaint(long id, long brandId, long consumerId, String consumerSubject, String authorName,
		String title, String writtenDescription, ComplaintCategory category, String orderReference,
		ComplaintStatus status, String assignee, OffsetDateTime createdAt, OffsetDateTime firstResponseAt,
		OffsetDateTime firstResponseDueAt, OffsetDateTime resolvedAt, OffsetDateTime resolutionDueAt,
		OffsetDateTime lastActivityAt, ModerationStatus moderation, boolean redacted, boolean participant,
		boolean insider, boolean partner, Related related) {

	/** A complaint read alone, with nothing read beside it. */
	public Complaint(long id, long brandId, long consumerId, String consumerSubject, String authorName, String title,
			String writtenDescription, ComplaintCategory category, String orderReference, ComplaintStatus status,
			String assignee, OffsetDateTime createdAt, OffsetDateTime firstResponseAt, OffsetDateTime firstResponseDueAt,
			OffsetDateTime resolvedAt, OffsetDateTime resolutionDueAt, OffsetDateTime lastActivityAt,
			ModerationStatus moderation, boolean redacted, boolean participant, boolean insider, boolean partner) {
		this(id, brandId, consumerId, consumerSubject, authorName, title, writtenDescription, category, orderReference,
				status, assignee, createdAt, firstResponseAt, firstResponseDueAt, resolvedAt, resolutionDueAt,
				lastActivityAt, moderation, redacted, participant, insider, partner, Related.NONE);
	}

	public static final String TYPE = "Complaint";

	/** How long after resolution the consumer may still reopen. */
	public static final Duration REOPEN_WINDOW = Duration.ofDays(30);

	/** Whether the public may read it: not withdrawn, and not hidden or removed by a moderator. */
	public boolean publiclyVisible() {
		return status != ComplaintStatus.WITHDRAWN && (moderation == null || moderation.publiclyVisible());
	}

	/** Past its first-response target with no brand reply yet. */
	public boolean overdue() {
		return firstResponseAt == null && status.isActive() && OffsetDateTime.now().isAfter(firstResponseDueAt);
	}

	/** Past its resolution target while still running. */
	public boolean resolutionOverdue() {
		return status.isActive() && OffsetDateTime.now().isAfter(resolutionDueAt);
	}

	/** What the brand must meet next: its first reply while none came, then the resolution; null once it ended. */
	public OffsetDateTime dueAt() {
		if (!status.isActive()) {
			return null;
		}
		return firstResponseAt == null ? firstResponseDueAt : resolutionDueAt;
	}

	/** The description as this viewer may read it: masked for everyone but the participants. */
	public String shownDescription() {
		return participant ? writtenDescription : TextMask.mask(writtenDescription);
	}

	/**
	 * The row's id alone: a batch of complaints is a map keyed by them, and hashing every field (the long
	 * description included) cost more than the rest of the lookup. Equal complaints have equal ids, as before.
	 */
	@Override
	public int hashCode() {
		return Long.hashCode(id);
	}

	public boolean filedBy(String subject) {
		return consumerSubject != null && consumerSubject.equals(subject);
	}

	/**
	 * This complaint as {@code party} sees it: non-participants get a masked title, a description masked when read,
	 * and no private parts; only the brand's side and moderators see who the case is assigned to. A partner sees the
	 * order reference (it needs it to find the order) but not who works the case for the brand.
	 */
	Complaint seenBy(Party party) {
		if (party.isParticipant()) {
			boolean brandSide = party == Party.BRAND || party == Party.MODERATOR;
			return new Complaint(id, brandId, consumerId, consumerSubject, authorName, title, writtenDescription,
					category, orderReference, status, brandSide ? assignee : null, createdAt, firstResponseAt,
					firstResponseDueAt, resolvedAt, resolutionDueAt, lastActivityAt, moderation, redacted, true,
					party.readsInternalNotes(), party == Party.PARTNER, related);
		}
		return new Complaint(id, brandId, consumerId, null, authorName, TextMask.mask(title),
				writtenDescription, category, null, status, null, createdAt, firstResponseAt,
				firstResponseDueAt, resolvedAt, resolutionDueAt, lastActivityAt, moderation, redacted, false, false, false,
				related.masked());
	}

	/** The same complaint with what its page read beside it. */
	Complaint with(Related read) {
		return new Complaint(id, brandId, consumerId, consumerSubject, authorName, title, writtenDescription, category,
				orderReference, status, assignee, createdAt, firstResponseAt, firstResponseDueAt, resolvedAt,
				resolutionDueAt, lastActivityAt, moderation, redacted, participant, insider, partner, read);
	}

	/**
	 * What a page's statement read with the row because the query asked for it: the brand (null when not read), and
	 * the rating when {@code ratingRead} (null then means none). Fields read nothing more for what is here.
	 * {@code partnerCase}: the row is in a brand's inbox as a case that brand is a partner in, not its own.
	 */
	record Related(Brand brand, boolean ratingRead, Rating rating, boolean partnerCase) {

		static final Related NONE = new Related(null, false, null);

		Related(Brand brand, boolean ratingRead, Rating rating) {
			this(brand, ratingRead, rating, false);
		}

		/** As the public may see it: the rating's comment masked. */
		Related masked() {
			return rating == null ? this : new Related(brand, ratingRead, rating.masked(), partnerCase);
		}

		/** The same, as a row of a brand's inbox that is a case it is a partner in. */
		Related asPartnerCase() {
			return new Related(brand, ratingRead, rating, true);
		}
	}
}
