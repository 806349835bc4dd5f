package io.redress.brand;

import java.time.OffsetDateTime;
import java.util.List;

/** What the brand module holds about one person: their memberships and the claims they made, for their data export. */
public record BrandPersonalData(List<Membership> memberships, List<Claim> claims) {

	public BrandPersonalData {
		memberships = List.copyOf(memberships);
		claims = List.copyOf(claims);
	}

	/** A brand the person belongs to. */
	public record Membership(String brandSlug, String brandName, BrandRole role, OffsetDateTime addedAt) {
	}

	/** A claim of ownership the person made, with its evidence and outcome. */
	public record Claim(String brandSlug, String evidence, String status, OffsetDateTime createdAt,
			OffsetDateTime decidedAt) {
	}
}
