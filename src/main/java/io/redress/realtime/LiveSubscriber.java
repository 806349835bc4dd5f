package io.redress.realtime;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/** One subscriber's bounded buffer of live events, filled by the hub and drained at the subscriber's own pace. */
final class LiveSubscriber {

	private final EventFilter filter;
	private final Sinks.Many<StoredEvent> sink;
	/**
	 * Ends the stream at once when the subscriber falls behind: an error put in the buffer would wait behind the events
	 * the subscriber is not taking, and a subscriber that stopped reading would never get to it.
	 */
	private final Sinks.Empty<Void> overflow = Sinks.empty();

	LiveSubscriber(EventFilter filter, int buffer) {
		this.filter = filter;
		this.sink = Sinks.many().unicast().onBackpressureBuffer(new SubscriberBuffer<>(buffer));
	}

	/** Offers an event; false when the subscriber is gone or too slow (it is then closed with an error). */
	boolean offer(StoredEvent event) {
		if (!filter.matches(event)) {
			return true;
		}
		Sinks.EmitResult result = sink.tryEmitNext(event);
		if (result == Sinks.EmitResult.FAIL_OVERFLOW) {
			overflow.tryEmitError(new SlowSubscriberException());
			return false;
		}
		return result.isSuccess() || result == Sinks.EmitResult.FAIL_ZERO_SUBSCRIBER;
	}

	Flux<StoredEvent> events() {
		return sink.asFlux().takeUntilOther(overflow.asMono());
	}
}
