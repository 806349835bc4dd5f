package io.redress.moderation;

/** Which side asked for a moderation, from the flagger's relation to the brand; never who. */
enum AskedBy {

	/** A member of the brand the complaint is against. */
	BRAND,
	/** Anyone else signed in: the consumer who filed it, or any other user. */
	CONSUMER,
	/** Platform staff, or Redress itself for a signal of fake reviews. */
	PLATFORM
}
