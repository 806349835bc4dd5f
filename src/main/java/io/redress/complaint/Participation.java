package io.redress.complaint;

import java.util.Optional;

import io.redress.brand.BrandRole;
import io.redress.security.Viewer;

/**
 * A complaint as the viewer sees it, with how the viewer stands to it and, for brand members, their role; for members
 * of a partner brought into the case, that partner ({@code partnerBrandId}, otherwise null).
 */
public record Participation(Complaint complaint, Viewer viewer, Party party, Optional<BrandRole> brandRole,
		Long partnerBrandId) {

	public Participation(Complaint complaint, Viewer viewer, Party party, Optional<BrandRole> brandRole) {
		this(complaint, viewer, party, brandRole, null);
	}

	/** A member of a partner brand brought into the case, posting as that partner. */
	public boolean speaksForPartner() {
		return party == Party.PARTNER;
	}

	public boolean isConsumer() {
		return party == Party.CONSUMER;
	}

	/** Members who act for the brand in the thread: everyone but none. */
	public boolean speaksForBrand() {
		return brandRole.isPresent();
	}

	/** Members who work the case: owners, managers and agents (integrations only read and post). */
	public boolean worksForBrand() {
		return brandRole.filter(role -> role != BrandRole.INTEGRATION).isPresent();
	}
}
