package io.redress.brand;

import org.springframework.modulith.NamedInterface;

/** A member's role in a brand's team. */
@NamedInterface("read")
public enum BrandRole {

	OWNER, MANAGER, AGENT, INTEGRATION;

	/** Owners and managers run the team and its settings. */
	public boolean manages() {
		return this == OWNER || this == MANAGER;
	}
}
