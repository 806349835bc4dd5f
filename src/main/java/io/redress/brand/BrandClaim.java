package io.redress.brand;

import java.time.OffsetDateTime;

/** A request to own an unclaimed brand, decided by a moderator. */
record BrandClaim(long id, long brandId, String claimant, String evidence, Status status,
		OffsetDateTime createdAt, OffsetDateTime decidedAt) {

	public static final String TYPE = "BrandClaim";

	public enum Status {
		PENDING, APPROVED, REJECTED
	}
}
