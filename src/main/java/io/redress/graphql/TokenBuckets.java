package io.redress.graphql;

import java.util.concurrent.CompletableFuture;

/** Bucket4j buckets per caller and quota, in this node's memory or in Redis; never blocks the caller's thread. */
interface TokenBuckets {

	/** Takes {@code tokens} from {@code key}'s bucket of {@code quota}, or refuses without taking any. */
	CompletableFuture<Verdict> consume(Quota quota, String key, long tokens);
}
