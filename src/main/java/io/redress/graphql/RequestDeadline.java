package io.redress.graphql;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * When a query or mutation must be finished, carried in its Reactor context so that the transactions it opens stop
 * their work at that moment and roll back. A subscription's deadline is disarmed once its answer (its stream) is
 * there: the stream's later work is not bound by the request that opened it.
 */
record RequestDeadline(Instant at, AtomicBoolean armed) {

	private static final Object KEY = RequestDeadline.class;

	static RequestDeadline after(Duration timeout) {
		return new RequestDeadline(Instant.now().plus(timeout), new AtomicBoolean(true));
	}

	/** The deadline of the request this work runs for, if it is still armed. */
	static Optional<RequestDeadline> of(ContextView context) {
		return context.<RequestDeadline>getOrEmpty(KEY).filter(deadline -> deadline.armed().get());
	}

	Context putIn(Context context) {
		return context.put(KEY, this);
	}

	Duration remaining() {
		Duration left = Duration.between(Instant.now(), at);
		return left.isNegative() ? Duration.ZERO : left;
	}

	void disarm() {
		armed.set(false);
	}
}
