package io.redress.shared;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import reactor.core.publisher.Mono;

import org.springframework.dao.QueryTimeoutException;

/**
 * Reads that requests asking the same thing at the same time share: while a read of a key runs, every request for
 * that key waits for it to end and then shares the next one. The next read is only sent after every request in it
 * asked, so each answer shows what was committed before its request asked, as a read of its own would; none is
 * answered from a read that started before it arrived. Under load the database runs a popular read once per round
 * trip instead of once per request; a lone request waits for nothing.
 * <p>
 * The key must name everything the read depends on (the statement's every parameter, the caller's identity where the
 * statement uses it): requests that share a read get the same value, so whatever a caller may see must be decided
 * from it afterwards, per caller. Reads run without the requests' Reactor context, so only for work outside a
 * transaction. A request that goes away leaves the read to the others. A read still running after {@code patience}
 * is given up (its requests fail with a timeout), so a stuck connection cannot hold the key's later requests back.
 *
 * @param <K> what identifies a read; equal keys share
 * @param <V> what a read answers
 */
public final class SharedReads<K, V> {

	/** The keys whose read is running; none once every read has ended. */
	private final ConcurrentHashMap<K, Running<V>> running = new ConcurrentHashMap<>();

	private final Duration patience;

	/** {@code patience}: longer than the database lets a statement run, so only a stuck read reaches it. */
	public SharedReads(Duration patience) {
		this.patience = patience;
	}

	/**
	 * How long a shared read may run when the database stops statements after {@code statementTimeout}: that, and
	 * time to take a pooled connection (2 s at most) and read the rows. A read still running then is stuck.
	 */
	public static Duration patience(Duration statementTimeout) {
		return statementTimeout.plusSeconds(4);
	}

	/**
	 * {@code read}, given up after {@code patience} with the timeout a statement stopped by the database would give:
	 * for reads that many requests wait on, which one stuck connection must not hold back.
	 */
	public static <T> Mono<T> givenUpAfter(Duration patience, Mono<T> read) {
		// Named, so Reactor does not derive a name for the timeout from the chain's class names (a regex a read).
		return read.name("shared read").timeout(patience, Mono.error(() -> new QueryTimeoutException(
				"A read that requests share ran longer than " + patience.toMillis() + " ms and was given up")));
	}

	/** The value of {@code read} for {@code key}, from a read that equal keys asked for at the same time share. */
	public Mono<V> read(K key, Supplier<Mono<V>> read) {
		return Mono.defer(() -> {
			Joined<V> joined = join(key, read);
			if (joined.sendsNow()) {
				send(key, new Sending<>(joined.flight(), read));
			}
			return Mono.fromFuture(joined.flight(), true);
		});
	}

	/** How many keys have a read running. */
	int running() {
		return running.size();
	}

	private Joined<V> join(K key, Supplier<Mono<V>> read) {
		@SuppressWarnings("unchecked")
		Joined<V>[] joined = new Joined[1];
		running.compute(key, (same, now) -> {
			if (now == null) {
				joined[0] = new Joined<>(new CompletableFuture<>(), true);
				return new Running<>();
			}
			if (now.next == null) {
				now.next = new Sending<>(new CompletableFuture<>(), read);
			}
			joined[0] = new Joined<>(now.next.flight(), false);
			return now;
		});
		return joined[0];
	}

	private void send(K key, Sending<V> sending) {
		givenUpAfter(patience, Mono.defer(sending.read())).toFuture().whenComplete((value, error) -> {
			// The next read leaves before this one's requests go on with their answers, which may take a while.
			sendNext(key);
			if (error != null) {
				sending.flight().completeExceptionally(error);
			}
			else {
				sending.flight().complete(value);
			}
		});
	}

	private void sendNext(K key) {
		@SuppressWarnings("unchecked")
		Sending<V>[] next = new Sending[1];
		running.computeIfPresent(key, (same, now) -> {
			next[0] = now.next;
			now.next = null;
			return next[0] == null ? null : now;
		});
		if (next[0] != null) {
			send(key, next[0]);
		}
	}

	/** A key whose read is running, and the read its later requests wait for; changed only inside the map's compute. */
	private static final class Running<V> {

		private Sending<V> next;
	}

	/** A read to send, and where its answer goes. */
	private record Sending<V>(CompletableFuture<V> flight, Supplier<Mono<V>> read) {
	}

	private record Joined<V>(CompletableFuture<V> flight, boolean sendsNow) {
	}
}
