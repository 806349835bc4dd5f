package io.redress.complaint;

import java.util.EnumSet;
import java.util.Set;

/** Where a complaint stands; see docs/product.md, "The complaint lifecycle". */
public enum ComplaintStatus {

	OPEN, IN_PROGRESS, RESOLUTION_PROPOSED, RESOLVED, UNRESOLVED, WITHDRAWN;

	private static final Set<ComplaintStatus> ACTIVE = EnumSet.of(OPEN, IN_PROGRESS, RESOLUTION_PROPOSED);

	/** Still being worked on: the thread is open and the consumer may give up. */
	public boolean isActive() {
		return ACTIVE.contains(this);
	}

	/** Ended in a way the consumer may rate. */
	public boolean isRateable() {
		return this == RESOLVED || this == UNRESOLVED;
	}
}
