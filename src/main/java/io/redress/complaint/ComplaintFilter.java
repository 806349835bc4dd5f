package io.redress.complaint;

/** Filters of the public complaint feed; each is optional. */
record ComplaintFilter(String brandSlug, ComplaintStatus status, ComplaintCategory category, String search) {

	public static final ComplaintFilter NONE = new ComplaintFilter(null, null, null, null);
}
