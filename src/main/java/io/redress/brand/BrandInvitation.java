package io.redress.brand;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * An invitation to join a brand's team with a role. It grants nothing until the invitee accepts it; past
 * {@code expiresAt} it can no longer be answered.
 */
record BrandInvitation(long brandId, String subject, BrandRole role, String invitedBy, OffsetDateTime invitedAt,
		OffsetDateTime expiresAt) {

	/** How long an invitation waits for its answer. */
	static final Duration LIFETIME = Duration.ofDays(14);

	/** Pending invitations one brand may hold at a time. */
	static final int MAX_PENDING_PER_BRAND = 50;

	boolean expired() {
		return !OffsetDateTime.now().isBefore(expiresAt);
	}
}
