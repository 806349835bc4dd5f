package io.redress.realtime;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** Old events go in batches, each far inside the statement timeout, until a batch comes back short. */
class EventRetentionTests {

	private final EventStore store = mock(EventStore.class);

	private final EventRetention retention = new EventRetention(store,
			new RealtimeSettings(Duration.ofSeconds(1), 512, 500, Duration.ofDays(30), Duration.ofSeconds(5)));

	@Test
	void deletesBatchAfterBatchUntilOneComesBackShort() {
		answers(EventRetention.BATCH, EventRetention.BATCH, 17);

		StepVerifier.create(retention.purge()).verifyComplete();

		verify(store, times(3)).purgeBefore(any(OffsetDateTime.class), anyInt());
	}

	@Test
	void stopsAfterOneStatementWhenNothingIsOld() {
		answers(0);

		StepVerifier.create(retention.purge()).verifyComplete();

		verify(store, times(1)).purgeBefore(any(OffsetDateTime.class), anyInt());
	}

	@Test
	void aFailedBatchEndsTheRunQuietlyForTheNextToRetry() {
		when(store.purgeBefore(any(OffsetDateTime.class), anyInt()))
				.thenReturn(Mono.just((long) EventRetention.BATCH), Mono.error(new IllegalStateException("timeout")));

		StepVerifier.create(retention.purge()).verifyComplete();

		verify(store, times(2)).purgeBefore(any(OffsetDateTime.class), anyInt());
	}

	private void answers(long... deleted) {
		Deque<Long> left = new ArrayDeque<>();
		for (long count : deleted) {
			left.add(count);
		}
		when(store.purgeBefore(any(OffsetDateTime.class), anyInt()))
				.thenAnswer(call -> Mono.just(left.isEmpty() ? 0L : left.poll()));
	}
}
