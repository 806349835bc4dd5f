package io.redress.complaint;

/**
 * Files a complaint against a brand on the platform (by slug) or one that is not yet (by name and website), with,
 * for a brand not on the platform, its public customer-service address if the consumer knows it.
 */
record FileComplaintInput(String brandSlug, NewBrandInput newBrand, String title, String description,
		ComplaintCategory category, String orderReference, String idempotencyKey, String brandContactEmail) {

	/** A brand not on the platform yet: it is created unclaimed. */
	public record NewBrandInput(String name, String website) {
	}
}
