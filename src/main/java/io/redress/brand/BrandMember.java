package io.redress.brand;

import java.time.OffsetDateTime;

/** One member of a brand's team, named by token subject (a person, or an integration's client id). */
record BrandMember(long brandId, String subject, BrandRole role, OffsetDateTime addedAt) {
}
