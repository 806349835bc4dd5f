package io.redress.graphql;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import graphql.language.Argument;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.VariableReference;
import graphql.parser.InvalidSyntaxException;
import graphql.parser.Parser;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Subscribers that would receive exactly the same results share one execution of their subscription. graphql-java
 * runs a subscription's selection for every event of every subscriber, and each result would then be serialised per
 * subscriber: 10,000 anonymous subscribers of one complaint cost 10,000 executions of each event. Here subscribers
 * with the same audience ({@link Caller#audience()}: every anonymous caller alike, a signed-in one alone), the same
 * document, operation name and variables form a {@link SubscriptionGroup}: the first one's execution runs for all,
 * each event is executed and serialised once, and every subscriber only frames it with its own id. What an event
 * costs grows with the distinct groups, not with the subscribers.
 * <p>
 * Everything else stays each subscriber's own: every request is still parsed, validated, charged and admitted on its
 * own (its own execution is prepared and never started when it joins a group), each has its own buffer and is closed
 * alone when too slow, its own places under the caps, its own complete. A subscriber that resumes with
 * {@code after: $after} replays what it missed with its own execution, then joins the group of the same subscription
 * without {@code after} when one runs: from the first position where both meet, its own execution stops and the
 * group's results after the last one it sent follow, so nothing is skipped or sent twice.
 * <p>
 * Rights: a group's results are what its first subscriber may read, and every subscriber of a group has the same
 * audience, so the same rights. A group ends with its execution (an error ends it for all) or when its last
 * subscriber leaves.
 */
@Component
class SharedSubscriptions implements WebGraphQlInterceptor, Ordered, DisposableBean {

	private static final String AFTER = "after";
	private static final Pattern AFTER_VARIABLE = Pattern.compile("\\$after\\b");

	private final ConcurrentMap<Key, SubscriptionGroup> groups = new ConcurrentHashMap<>();
	private final JsonMapper json;
	private final int buffer;
	/** Hands shared results out off the threads that read events, which queries need too. */
	private final Scheduler fanOut = Schedulers.newParallel("subscription-fan-out",
			Math.max(1, Runtime.getRuntime().availableProcessors()), true);
	private final Counter sharedExecutions;
	private final Counter ownExecutions;

	SharedSubscriptions(JsonMapper json, MeterRegistry meters,
			@Value("${redress.realtime.subscriber-buffer:512}") int buffer) {
		this.json = json;
		this.buffer = buffer;
		this.sharedExecutions = Counter.builder("redress.subscription.executions").tag("kind", "shared")
				.description("Subscription events executed once for a group of subscribers").register(meters);
		this.ownExecutions = Counter.builder("redress.subscription.executions").tag("kind", "own")
				.description("Subscription events executed for one subscriber alone (replay before joining)")
				.register(meters);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).map(response -> {
			GraphQLContext context = response.getExecutionInput().getGraphQLContext();
			Caller caller = context.get(OperationCharge.CALLER);
			if (!(response.getExecutionResult().getData() instanceof Publisher<?> events) || caller == null) {
				return response;
			}
			Flux<ExecutionResult> own = Flux.from((Publisher<ExecutionResult>) events);
			Key key = Key.of(caller.audience(), request);
			Runnable closeSocket = SlowSubscribers.closer(request);
			Flux<ExecutionResult> results = resumes(request) ? resumed(key.live(), own, context, closeSocket)
					: shared(key, own, context, closeSocket);
			return response.transform(builder -> builder.data(results));
		});
	}

	/** Joins the group of {@code key}, starting it with this subscriber's own execution when none runs. */
	private Flux<ExecutionResult> shared(Key key, Flux<ExecutionResult> own, GraphQLContext context,
			Runnable closeSocket) {
		return Flux.defer(() -> {
			SharedSubscriber subscriber = new SharedSubscriber(buffer, closeSocket);
			AtomicBoolean first = new AtomicBoolean();
			SubscriptionGroup group = groups.compute(key, (any, running) -> {
				SubscriptionGroup joined = running;
				if (joined == null) {
					joined = new SubscriptionGroup();
					first.set(true);
				}
				joined.add(subscriber);
				return joined;
			});
			if (first.get()) {
				// The shared execution falling behind is the node's trouble, not its first subscriber's: that one is
				// closed for its own buffer only.
				context.delete(SlowSubscribers.CLOSE_SOCKET);
				group.start(own.doOnNext(result -> sharedExecutions.increment()),
						result -> SerializedResult.of(result, EventPositions.next(positions(context)), json), fanOut,
						() -> groups.remove(key, group));
			}
			return subscriber.results().doFinally(signal -> leave(key, group, subscriber));
		});
	}

	/**
	 * Replays with the subscriber's own execution, then hands over to the group of the same subscription from now on
	 * when one runs. The group's results are buffered from the moment of joining; the own execution runs until it
	 * sends a result at or past the first buffered one. The group has every result from that first one on, so the
	 * buffered ones after the last sent follow without a gap or a duplicate.
	 */
	private Flux<ExecutionResult> resumed(Key live, Flux<ExecutionResult> own, GraphQLContext context,
			Runnable closeSocket) {
		return Flux.defer(() -> {
			Flux<Positioned> replay = own.map(result -> {
				ownExecutions.increment();
				return new Positioned(EventPositions.next(positions(context)), result);
			});
			SharedSubscriber subscriber = new SharedSubscriber(buffer, closeSocket);
			SubscriptionGroup group = groups.computeIfPresent(live, (any, running) -> {
				running.add(subscriber);
				return running;
			});
			if (group == null) {
				return replay.map(Positioned::result);
			}
			AtomicLong last = new AtomicLong(-1);
			AtomicBoolean joined = new AtomicBoolean();
			Flux<ExecutionResult> caughtUp = replay
					.doOnNext(result -> last.set(result.position()))
					.takeUntil(result -> {
						long first = subscriber.firstPosition();
						if (result.position() < 0 || first < 0) {
							// Results without positions cannot be matched: this subscriber stays on its own.
							leave(live, group, subscriber);
							return false;
						}
						joined.set(first <= result.position());
						return joined.get();
					})
					.map(Positioned::result);
			Flux<ExecutionResult> fromGroup = Flux.defer(() -> joined.get() ? subscriber.results()
					.filter(result -> ((SerializedResult) result).position() > last.get()) : Flux.empty());
			return Flux.concat(caughtUp, fromGroup).doFinally(signal -> leave(live, group, subscriber));
		});
	}

	private void leave(Key key, SubscriptionGroup group, SharedSubscriber subscriber) {
		AtomicBoolean last = new AtomicBoolean();
		groups.computeIfPresent(key, (any, running) -> {
			if (running == group && group.remove(subscriber)) {
				last.set(true);
				return null;
			}
			return running;
		});
		if (last.get()) {
			group.stop();
		}
	}

	private static Queue<Long> positions(GraphQLContext context) {
		return context.get(EventPositions.KEY);
	}

	/**
	 * Whether the request resumes from a cursor in the one way a shared stream can take it over: the subscription's
	 * field takes {@code after: $after}, the variable is used nowhere else, and it has a value. Anything else runs on
	 * its own execution, as it is.
	 */
	static boolean resumes(WebGraphQlRequest request) {
		if (request.getVariables().get(AFTER) == null || request.getDocument() == null
				|| AFTER_VARIABLE.matcher(request.getDocument()).results().count() != 2) {
			return false;
		}
		try {
			Document document = Parser.parse(request.getDocument());
			String name = request.getOperationName();
			return document.getDefinitionsOfType(OperationDefinition.class).stream()
					.filter(operation -> name == null || name.equals(operation.getName()))
					.findFirst()
					.filter(operation -> operation.getOperation() == OperationDefinition.Operation.SUBSCRIPTION)
					.flatMap(operation -> operation.getSelectionSet().getSelectionsOfType(Field.class).stream()
							.findFirst())
					.map(field -> field.getArguments().stream().anyMatch(SharedSubscriptions::isAfterVariable))
					.orElse(false);
		}
		catch (InvalidSyntaxException ex) {
			return false;
		}
	}

	private static boolean isAfterVariable(Argument argument) {
		return argument.getName().equals(AFTER) && argument.getValue() instanceof VariableReference reference
				&& reference.getName().equals(AFTER);
	}

	/** How many groups run (for tests and benchmarks). */
	int groups() {
		return groups.size();
	}

	/** Innermost: the caps, budgets and policies around it stay each subscriber's own. */
	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

	@Override
	public void destroy() {
		fanOut.dispose();
	}

	private record Positioned(long position, ExecutionResult result) {
	}

	/** Who reads (the audience) and what they read (the whole request but the transport). */
	private record Key(String audience, String document, String operationName, Map<String, Object> variables,
			Map<String, Object> extensions) {

		static Key of(String audience, WebGraphQlRequest request) {
			return new Key(audience, request.getDocument(), Objects.requireNonNullElse(request.getOperationName(), ""),
					request.getVariables(), request.getExtensions());
		}

		/** The same subscription from now on: without the cursor it resumes from. */
		Key live() {
			Map<String, Object> withoutCursor = new HashMap<>(variables);
			withoutCursor.remove(AFTER);
			return new Key(audience, document, operationName, withoutCursor, extensions);
		}
	}
}
