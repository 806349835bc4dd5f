package io.redress.brand;

import java.time.OffsetDateTime;

import org.springframework.modulith.NamedInterface;

/** A brand as everyone may read it. */
@NamedInterface("read")
public record Brand(long id, String slug, String name, String website, String description, BrandStatus status,
		int responseTargetHours, int resolutionTargetDays, int followUpDays, OffsetDateTime createdAt,
		OffsetDateTime verifiedAt) {

	public static final String TYPE = "Brand";

	public boolean verified() {
		return status == BrandStatus.VERIFIED;
	}

	public boolean claimed() {
		return status != BrandStatus.UNCLAIMED;
	}
}
