package io.redress.graphql;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Counts what each key holds open at once (sockets, subscriptions, streams) against a cap. An entry lives only while
 * its key holds something, so the map is as large as what is open on this node and no larger.
 */
final class Occupancy {

	private final ConcurrentHashMap<String, Integer> held = new ConcurrentHashMap<>();

	/** Takes one place for {@code key} if it holds fewer than {@code max}; the release gives it back, once. */
	Optional<Runnable> enter(String key, int max) {
		AtomicBoolean admitted = new AtomicBoolean();
		held.compute(key, (ignored, count) -> {
			int current = count == null ? 0 : count;
			if (current >= max) {
				return count;
			}
			admitted.set(true);
			return current + 1;
		});
		if (!admitted.get()) {
			return Optional.empty();
		}
		AtomicBoolean released = new AtomicBoolean();
		return Optional.of(() -> {
			if (released.compareAndSet(false, true)) {
				held.computeIfPresent(key, (ignored, count) -> count <= 1 ? null : count - 1);
			}
		});
	}

	int held(String key) {
		return held.getOrDefault(key, 0);
	}
}
