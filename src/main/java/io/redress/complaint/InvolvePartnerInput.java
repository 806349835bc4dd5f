package io.redress.complaint;

/** The brand brings a partner into a case: an existing brand by slug, or one not on Redress yet. */
record InvolvePartnerInput(String complaintId, String partnerBrandSlug, NewPartnerInput newPartner, String note) {

	/** A brand not on Redress yet, created unclaimed as when filing. */
	record NewPartnerInput(String name, String website) {
	}
}
