package io.redress.graphql;

import io.github.bucket4j.ConsumptionProbe;

/** A budget's answer: served, or refused until {@code retryAfterSeconds} have passed. */
record Verdict(boolean allowed, long retryAfterSeconds) {

	static final Verdict ALLOWED = new Verdict(true, 0);

	static Verdict of(ConsumptionProbe probe) {
		if (probe.isConsumed()) {
			return ALLOWED;
		}
		// Whole seconds, rounded up: Retry-After has no fractions, and zero would invite an immediate retry.
		return new Verdict(false, Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L));
	}
}
