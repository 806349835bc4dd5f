package io.redress.complaint;

/** How the viewer stands to one complaint. */
enum Party {

	/** The consumer who filed it. */
	CONSUMER,
	/** A member of the brand it is against. */
	BRAND,
	/** Platform staff: reads everything, changes nothing in the lifecycle. */
	MODERATOR,
	/** Anyone else, signed in or not: sees the public parts, masked. */
	PUBLIC;

	public boolean isParticipant() {
		return this != PUBLIC;
	}
}
