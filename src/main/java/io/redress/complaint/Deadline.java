package io.redress.complaint;

/** A moment the log announces once per complaint: a target near or past, or a follow-up due. */
enum Deadline {

	FIRST_RESPONSE_DUE_SOON(ComplaintEventType.DUE_SOON, "FIRST_RESPONSE"),
	FIRST_RESPONSE_OVERDUE(ComplaintEventType.FIRST_RESPONSE_OVERDUE, "FIRST_RESPONSE"),
	RESOLUTION_DUE_SOON(ComplaintEventType.DUE_SOON, "RESOLUTION"),
	RESOLUTION_OVERDUE(ComplaintEventType.RESOLUTION_OVERDUE, "RESOLUTION"),
	FOLLOW_UP(ComplaintEventType.FOLLOW_UP_DUE, null);

	private final ComplaintEventType announcement;
	private final String target;

	Deadline(ComplaintEventType announcement, String target) {
		this.announcement = announcement;
		this.target = target;
	}

	/** The event that announces it. */
	ComplaintEventType announcement() {
		return announcement;
	}

	/** The target it is about ({@code FIRST_RESPONSE} or {@code RESOLUTION}), null for a follow-up. */
	String target() {
		return target;
	}
}
