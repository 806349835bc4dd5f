package io.redress.complaint;

/** A brand's follow-ups in aggregate: how many were answered and how many of those said the resolution held. */
record FollowUpSummary(long brandId, int answered, int held) {

	/** The share that held, 0 to 1; null before any answer. */
	public Double heldRate() {
		return answered == 0 ? null : (double) held / answered;
	}
}
