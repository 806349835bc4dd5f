package io.redress.graphql;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import io.micrometer.core.instrument.Counter;
import reactor.core.publisher.Flux;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.server.WebGraphQlRequest;

/**
 * The running {@link SubscriptionGroup}s of a node, by who reads and what they read ({@link Key}): joining one (or
 * starting it with a prepared execution when none takes subscribers) and leaving it, both under the key's lock, so
 * nobody joins a group its last subscriber is leaving. A group past its time to take subscribers runs on for its own,
 * out of the registry. Each group's results are serialised once and handed out off the threads that read events
 * (which queries need too).
 */
final class SubscriptionGroups {

	private final ConcurrentMap<Key, SubscriptionGroup> groups = new ConcurrentHashMap<>();
	private final Scheduler fanOut = Schedulers.newParallel("subscription-fan-out",
			Math.max(1, Runtime.getRuntime().availableProcessors()), true);
	private final JsonMapper json;
	private final Duration joining;
	private final Counter executions;

	/**
	 * @param joining how long a group takes new subscribers
	 * @param executions counts the events a group's execution runs
	 */
	SubscriptionGroups(JsonMapper json, Duration joining, Counter executions) {
		this.json = json;
		this.joining = joining;
		this.executions = executions;
	}

	/** Whether a group of {@code key} runs and still takes subscribers. */
	boolean takesSubscribers(Key key) {
		SubscriptionGroup running = groups.get(key);
		return running != null && running.takesSubscribers();
	}

	/**
	 * Adds {@code subscriber} to the group of {@code key}; when none takes subscribers, starts one with
	 * {@code starter}'s execution, or returns null without one.
	 */
	SubscriptionGroup join(Key key, SharedSubscriber subscriber, Execution starter) {
		AtomicBoolean first = new AtomicBoolean();
		AtomicReference<SubscriptionGroup> joined = new AtomicReference<>();
		groups.compute(key, (any, running) -> {
			SubscriptionGroup open = running != null && running.takesSubscribers() ? running : null;
			if (open == null && starter == null) {
				return running;
			}
			if (open == null) {
				open = new SubscriptionGroup(joining);
				first.set(true);
			}
			open.add(subscriber);
			joined.set(open);
			return open;
		});
		SubscriptionGroup group = joined.get();
		if (first.get()) {
			// The shared execution falling behind is the node's trouble, not its first subscriber's: that one is
			// closed for its own buffer only.
			starter.context().delete(SlowSubscribers.CLOSE_SOCKET);
			group.start(starter.results().doOnNext(result -> executions.increment()),
					result -> SerializedResult.of(result, EventPositions.next(positions(starter.context())), json),
					fanOut, () -> groups.remove(key, group));
		}
		return group;
	}

	/** Takes {@code subscriber} out of {@code group}; the last one to leave stops it. */
	void leave(Key key, SubscriptionGroup group, SharedSubscriber subscriber) {
		AtomicBoolean last = new AtomicBoolean();
		groups.compute(key, (any, running) -> {
			if (group.remove(subscriber)) {
				last.set(true);
				return running == group ? null : running;
			}
			return running;
		});
		if (last.get()) {
			group.stop();
		}
	}

	/** How many groups take subscribers. */
	int size() {
		return groups.size();
	}

	void dispose() {
		fanOut.dispose();
	}

	/** The positions in the event log of the events an execution with {@code context} runs, as it reads them. */
	static Queue<Long> positions(GraphQLContext context) {
		return context.get(EventPositions.KEY);
	}

	/** A subscription's prepared execution: its results, and its GraphQL context. */
	record Execution(Flux<ExecutionResult> results, GraphQLContext context) {
	}

	/** Who reads (the audience) and what they read (the whole request but the transport). */
	record Key(String audience, String document, String operationName, Map<String, Object> variables,
			Map<String, Object> extensions) {

		static Key of(String audience, WebGraphQlRequest request) {
			return new Key(audience, request.getDocument(), Objects.requireNonNullElse(request.getOperationName(), ""),
					request.getVariables(), request.getExtensions());
		}

		/** The same subscription from now on: without the cursor it resumes from. */
		Key live() {
			return new Key(audience, document, operationName, ResumingRequests.withoutCursor(variables), extensions);
		}
	}
}
