package io.redress.complaint;

/** How the viewer stands to one complaint. */
enum Party {

	/** The consumer who filed it. */
	CONSUMER,
	/** A member of the brand it is against. */
	BRAND,
	/**
	 * A member of a partner brand the brand brought into the case (a courier, an installer): reads the whole case but
	 * the private messages the consumer kept from partners, and posts as the partner; never works it for the brand.
	 */
	PARTNER,
	/** Platform staff: reads everything, changes nothing in the lifecycle. */
	MODERATOR,
	/** Anyone else, signed in or not: sees the public parts, masked. */
	PUBLIC;

	public boolean isParticipant() {
		return this != PUBLIC;
	}

	/**
	 * Whether this party reads the brand's internal notes and internal events: the brand's side of the case and
	 * moderators, never the consumer. The one place to widen when another side joins the brand's work on a case.
	 */
	public boolean readsInternalNotes() {
		return this == BRAND || this == MODERATOR;
	}
}
