package io.redress.graphql;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import graphql.ExecutionResult;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;

/**
 * The subscribers that share one execution of one subscription: the same audience, document, operation name and
 * variables. The execution of the first of them runs for all: each event is executed and serialised once
 * ({@link SerializedResult}), then offered to every subscriber's own buffer. Subscribers join and leave through
 * {@link SharedSubscriptions}, which ends the execution when the last one leaves.
 */
final class SubscriptionGroup {

	private final Set<SharedSubscriber> subscribers = ConcurrentHashMap.newKeySet();
	private final long openUntil;
	private volatile Disposable execution;
	private volatile boolean stopped;

	/**
	 * A group takes new subscribers for {@code joining} after it started: the rights its first subscriber's
	 * execution checked when it started (may this audience follow that complaint?) stand for that long, as a removed
	 * member's rights do for {@code redress.realtime.membership-check}. Later subscribers start a group of their own,
	 * which checks again.
	 */
	SubscriptionGroup(Duration joining) {
		this.openUntil = System.nanoTime() + joining.toNanos();
	}

	boolean takesSubscribers() {
		return System.nanoTime() - openUntil < 0;
	}

	/** Only with the group's key locked in the registry, so no subscriber joins a group that has ended. */
	void add(SharedSubscriber subscriber) {
		subscribers.add(subscriber);
	}

	/** Only with the group's key locked in the registry; true when it was the last subscriber. */
	boolean remove(SharedSubscriber subscriber) {
		subscribers.remove(subscriber);
		return subscribers.isEmpty();
	}

	/**
	 * Runs the shared execution: its results are serialised and handed out on {@code fanOut}, never on the thread
	 * that read the event (a database connection's event loop), which other requests need. {@code ended} runs before
	 * the subscribers hear of the end, and must take the group out of the registry so none joins it after.
	 */
	void start(Flux<ExecutionResult> results, Function<ExecutionResult, SerializedResult> serialise,
			Scheduler fanOut, Runnable ended) {
		execution = results.publishOn(fanOut).map(serialise).subscribe(this::deliver, error -> {
			ended.run();
			subscribers.forEach(subscriber -> subscriber.fail(error));
		}, () -> {
			ended.run();
			subscribers.forEach(SharedSubscriber::complete);
		});
		if (stopped) {
			execution.dispose();
		}
	}

	/** Ends the execution: its last subscriber left (perhaps before it started). */
	void stop() {
		stopped = true;
		Disposable running = execution;
		if (running != null) {
			running.dispose();
		}
	}

	private void deliver(SerializedResult result) {
		for (SharedSubscriber subscriber : subscribers) {
			subscriber.offer(result);
		}
	}
}
