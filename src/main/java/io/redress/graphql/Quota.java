package io.redress.graphql;

import java.time.Duration;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;

/**
 * One rate budget: {@code capacity} tokens, refilled evenly over {@code period}, so a caller may spend a burst up
 * to the capacity and then as fast as it refills.
 */
record Quota(String name, long capacity, Duration period) {

	/** The longest period of any quota: a bucket untouched that long is full again and may be forgotten. */
	static final Duration LONGEST_PERIOD = Duration.ofHours(1);

	static Quota perMinute(String name, long capacity) {
		return new Quota(name, capacity, Duration.ofMinutes(1));
	}

	static Quota perHour(String name, long capacity) {
		return new Quota(name, capacity, LONGEST_PERIOD);
	}

	Bandwidth bandwidth() {
		return Bandwidth.builder().capacity(capacity).refillGreedy(capacity, period).build();
	}

	BucketConfiguration configuration() {
		return BucketConfiguration.builder().addLimit(bandwidth()).build();
	}

	/** Never more than the capacity: a charge bigger than the bucket could never be served. */
	long affordable(long tokens) {
		return Math.max(1, Math.min(tokens, capacity));
	}
}
