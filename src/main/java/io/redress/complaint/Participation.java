package io.redress.complaint;

import java.util.Optional;

import io.redress.brand.BrandRole;
import io.redress.security.Viewer;

/** A complaint as the viewer sees it, with how the viewer stands to it and, for brand members, their role. */
public record Participation(Complaint complaint, Viewer viewer, Party party, Optional<BrandRole> brandRole) {

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
