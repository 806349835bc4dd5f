package io.redress.complaint;

/**
 * What a brand's inbox narrows to; every field is optional. {@code dueWithin} is in hours: complaints whose next
 * target passes within that time and has not passed yet.
 */
record InboxFilter(ComplaintStatus status, ComplaintCategory category, String assignee, Boolean overdue,
		Integer dueWithin, Boolean unassigned) {

	static final InboxFilter NONE = new InboxFilter(null, null, null, null, null, null);
}
