package io.redress.graphql;

import java.util.concurrent.CompletableFuture;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;

/**
 * Buckets in this node's memory. The map is bounded, so a flood of made-up IP addresses cannot grow it without
 * limit; a bucket idle for the longest quota period is full again and is dropped.
 */
final class LocalTokenBuckets implements TokenBuckets {

	private final Cache<String, Bucket> buckets;

	LocalTokenBuckets(long maxTrackedCallers) {
		this.buckets = Caffeine.newBuilder().maximumSize(maxTrackedCallers).expireAfterAccess(Quota.LONGEST_PERIOD)
				.build();
	}

	@Override
	public CompletableFuture<Verdict> consume(Quota quota, String key, long tokens) {
		Bucket bucket = buckets.get(quota.name() + ":" + key,
				ignored -> Bucket.builder().addLimit(quota.bandwidth()).build());
		return CompletableFuture.completedFuture(Verdict.of(bucket.tryConsumeAndReturnRemaining(
				quota.affordable(tokens))));
	}
}
