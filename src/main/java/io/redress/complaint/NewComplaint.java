package io.redress.complaint;

/** A complaint about to be filed, its input checked and its brand resolved. */
record NewComplaint(long brandId, String title, String description, ComplaintCategory category,
		String orderReference, String idempotencyKey, String requestHash) {
}
