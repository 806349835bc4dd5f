package io.redress.realtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import io.redress.ApiTest;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

/** The event log's promise: every committed event exactly once, in commit order, across resumes; nothing rolled back. */
class EventOrderingTests extends ApiTest {

	private static final AtomicLong STREAMS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000);

	@Autowired
	EventLog log;

	@Autowired
	EventStreams streams;

	@Autowired
	TransactionalOperator tx;

	@Test
	void subscriberThatKeepsResumingGetsEveryCommittedEventOnceInCommitOrder() {
		long stream = STREAMS.incrementAndGet();
		int writers = 16;
		int perWriter = 12;
		Mono<Void> writes = Flux.range(0, writers)
				.flatMap(writer -> Flux.range(0, perWriter).concatMap(n -> write(stream, writer * 100 + n)), writers)
				.then();

		List<StoredEvent> received = new ArrayList<>();
		String cursor = EventCursor.START.encoded();
		CompletableFuture<Void> writing = writes.toFuture();
		long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (!writing.isDone() || received.size() < committed(stream)) {
			// Take a few events, then drop the subscription and resume from the last cursor, like a flaky client.
			List<StoredEvent> batch = streams.follow(EventFilter.brand(stream), cursor)
					.take(ThreadLocalRandom.current().nextInt(1, 8))
					.take(Duration.ofSeconds(2))
					.collectList().block(Duration.ofSeconds(10));
			received.addAll(batch);
			if (!batch.isEmpty()) {
				cursor = batch.get(batch.size() - 1).cursor().encoded();
			}
			if (System.nanoTime() > deadline) {
				break;
			}
		}

		List<Long> committedInOrder = db.sql("""
				SELECT position FROM events WHERE brand_id = :stream ORDER BY position""")
				.bind("stream", stream).map(row -> row.get("position", Long.class)).all().collectList().block();
		assertThat(committedInOrder).doesNotContainNull().doesNotHaveDuplicates();
		assertThat(received).extracting(event -> event.cursor().position()).containsExactlyElementsOf(committedInOrder);
		assertThat(received).noneMatch(event -> event.is(TestEvent.ROLLED_BACK));
	}

	@Test
	void slowSubscriberIsClosedWhileOthersKeepReceiving() {
		long stream = STREAMS.incrementAndGet();
		int events = 600;
		Flux<StoredEvent> slow = streams.follow(EventFilter.brand(stream), null);
		Flux<StoredEvent> fast = streams.follow(EventFilter.brand(stream), null);

		StepVerifier.create(slow, 0)
				.then(() -> StepVerifier.create(fast.take(events))
						.then(() -> Flux.range(0, events).concatMap(n -> tx.transactional(
								log.append(new NewEvent(TestEvent.TICK, stream, null, null, Visibility.PUBLIC, Map.of()))))
								.blockLast(Duration.ofSeconds(60)))
						.expectNextCount(events)
						.verifyComplete())
				.thenRequest(Long.MAX_VALUE)
				.thenConsumeWhile(event -> true)
				.expectError(SlowSubscriberException.class)
				.verify(Duration.ofSeconds(30));
	}

	/** One transaction that waits a random while before it commits, so commits come out of id order; some roll back. */
	private Mono<Void> write(long stream, int n) {
		boolean rollBack = n % 7 == 3;
		Mono<Void> work = log.append(new NewEvent(rollBack ? TestEvent.ROLLED_BACK : TestEvent.WRITTEN, stream, null, null,
				Visibility.PUBLIC, Map.of("n", n)))
				.then(db.sql("SELECT pg_sleep(:seconds)").bind("seconds", ThreadLocalRandom.current().nextInt(0, 40) / 1000.0)
						.then())
				.then(rollBack ? Mono.error(new IllegalStateException("roll back")) : Mono.empty());
		return tx.transactional(work).onErrorResume(IllegalStateException.class, ex -> Mono.empty());
	}

	private long committed(long stream) {
		return db.sql("SELECT count(*) FROM events WHERE brand_id = :stream").bind("stream", stream)
				.map(row -> row.get(0, Long.class)).one().block();
	}

	/** Event types of this test alone: the log stores any module's types by name. */
	private enum TestEvent implements EventType {
		TICK, WRITTEN, ROLLED_BACK
	}
}
