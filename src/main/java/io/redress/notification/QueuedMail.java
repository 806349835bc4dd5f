package io.redress.notification;

/**
 * A mail of the outbox as a node claimed it to send, with what the mail needs: the brand's name and slug, and
 * whether it is still wanted (the person may have opted out since, the proposal may have been answered, the brand
 * claimed).
 */
record QueuedMail(long id, NotificationKind kind, String subject, String email, long brandId, String brandName,
		String brandSlug, Long complaintId, int attempts, boolean wanted) {
}
