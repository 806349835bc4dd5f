package io.redress.graphql;

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
	private volatile Disposable execution;
	private volatile boolean stopped;

	/** Only while the registry holds the group (its key locked), so no subscriber joins a group that has ended. */
	void add(SharedSubscriber subscriber) {
		subscribers.add(subscriber);
	}

	/** Only while the registry holds the group; true when it was the last subscriber. */
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
