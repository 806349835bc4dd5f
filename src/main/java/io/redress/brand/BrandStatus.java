package io.redress.brand;

import org.springframework.modulith.NamedInterface;

/** Whether anyone owns a brand on the platform, and whether a moderator has checked that they really are it. */
@NamedInterface("read")
public enum BrandStatus {

	/** Created by a complaint; nobody owns it yet. */
	UNCLAIMED,
	/** Registered or claimed by its owner, not yet checked by a moderator. */
	UNVERIFIED,
	/** Checked by a moderator. */
	VERIFIED
}
