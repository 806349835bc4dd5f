package io.redress.complaint;

/**
 * An allowed step of the lifecycle: from one status to another (possibly the same), and whether it is the brand's
 * response, which stamps the first response if none was stamped yet.
 */
record Transition(ComplaintStatus from, ComplaintStatus to, boolean brandResponse) implements Decision {

	boolean changesStatus() {
		return from != to;
	}
}
