package io.redress.thread;

/** Who may read a message. */
enum MessageVisibility {

	/** Everyone; contact details masked for non-participants. */
	PUBLIC,
	/** The consumer, the brand's members and moderators. */
	PRIVATE,
	/** An internal note: the brand's side of the case and moderators, never the consumer (Complaint.insider()). */
	INTERNAL
}
