package io.redress.graphql;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Buckets in Redis, shared by every node, through Bucket4j's asynchronous Lettuce proxy (compare-and-swap), so a
 * caller's budget holds across nodes and no event-loop thread waits on Redis. Keys expire once their bucket would be
 * full again. If Redis cannot answer, the request is served and a warning logged: the limits protect the API, they
 * must not take it down.
 */
final class RedisTokenBuckets implements TokenBuckets, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(RedisTokenBuckets.class);
	private static final String PREFIX = "redress:limits:";

	private final RedisClient client;
	private final StatefulRedisConnection<String, byte[]> connection;
	private final AsyncProxyManager<String> buckets;

	RedisTokenBuckets(String redisUrl) {
		this.client = RedisClient.create(redisUrl);
		this.connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
		this.buckets = Bucket4jLettuce.casBasedBuilder(connection)
				.expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(
						Duration.ofSeconds(10)))
				.build().asAsync();
	}

	@Override
	public CompletableFuture<Verdict> consume(Quota quota, String key, long tokens) {
		return buckets.builder().build(PREFIX + quota.name() + ":" + key, quota.configuration())
				.tryConsumeAndReturnRemaining(quota.affordable(tokens))
				.thenApply(Verdict::of)
				.exceptionally(ex -> {
					log.warn("Redis did not answer for the {} limit; serving the request unlimited: {}", quota.name(),
							ex.toString());
					return Verdict.ALLOWED;
				});
	}

	@Override
	public void close() {
		connection.close();
		client.shutdown();
	}
}
