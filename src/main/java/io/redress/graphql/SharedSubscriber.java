package io.redress.graphql;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import io.redress.shared.TooSlowException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import reactor.util.concurrent.Queues;

import org.springframework.graphql.execution.SubscriptionPublisherException;

/**
 * One subscriber of a {@link SubscriptionGroup}: a buffer of the shared results it has not taken yet, drained at its
 * own pace. One that falls more than {@code limit} results behind is ended on its own, as a subscriber too slow for
 * its own stream is, and its socket closed; nobody else waits for it. The buffer grows only as results wait in it.
 */
final class SharedSubscriber {

	/** The buffer's first chunk: an idle subscriber holds no more. */
	private static final int FIRST_CHUNK = 8;

	private final Sinks.Many<ExecutionResult> results = Sinks.many().unicast()
			.onBackpressureBuffer(Queues.<ExecutionResult>unbounded(FIRST_CHUNK).get());
	/** Ends the stream at once: an error put in the buffer would wait behind the results not taken. */
	private final Sinks.Empty<Void> overflow = Sinks.empty();
	private final AtomicInteger waiting = new AtomicInteger();
	private final int limit;
	private final Runnable closeSocket;
	private volatile long firstPosition = Long.MAX_VALUE;

	SharedSubscriber(int limit, Runnable closeSocket) {
		this.limit = limit;
		this.closeSocket = closeSocket;
	}

	/** Called by the group, one result at a time. */
	void offer(SerializedResult result) {
		if (firstPosition == Long.MAX_VALUE) {
			firstPosition = result.position();
		}
		if (waiting.incrementAndGet() > limit) {
			TooSlowException tooSlow = new TooSlowException(
					"Too slow to keep up; subscribe again with after: the last cursor you received");
			overflow.tryEmitError(new SubscriptionPublisherException(List.of(GraphqlErrorBuilder.newError()
					.errorType(ErrorClassification.typeOf(tooSlow)).message(tooSlow.getMessage()).build()), tooSlow));
			closeSocket.run();
			return;
		}
		results.tryEmitNext(result);
	}

	void complete() {
		results.tryEmitComplete();
	}

	void fail(Throwable error) {
		results.tryEmitError(error);
	}

	/** The position of the first result this subscriber was offered; {@link Long#MAX_VALUE} before any. */
	long firstPosition() {
		return firstPosition;
	}

	Flux<ExecutionResult> results() {
		return results.asFlux().doOnNext(result -> waiting.decrementAndGet()).takeUntilOther(overflow.asMono());
	}
}
