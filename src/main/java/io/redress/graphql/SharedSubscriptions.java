package io.redress.graphql;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import graphql.ExecutionResult;
import graphql.GraphQLContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.redress.graphql.SubscriptionGroups.Execution;
import io.redress.graphql.SubscriptionGroups.Key;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
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
 * without {@code after} (starting it, with an execution of that request prepared for the same caller, when none
 * runs): from the first position where both meet, its own execution stops and the group's results after the last
 * one it sent follow, so nothing is skipped or sent twice. Any other way of passing a cursor runs on its own.
 * <p>
 * Rights: a group's results are what its first subscriber may read, and every subscriber of a group has the same
 * audience, so the same rights. What the subscription checks when it starts (may this audience follow that
 * complaint?) is checked by the group's execution; a group takes new subscribers for
 * {@code redress.realtime.membership-check} only, after which the next subscriber starts a group that checks again.
 * A group ends with its execution (an error ends it for all) or when its last subscriber leaves.
 */
@Component
class SharedSubscriptions implements WebGraphQlInterceptor, Ordered, DisposableBean {

	private final SubscriptionGroups groups;
	private final int buffer;
	private final Counter ownExecutions;
	private final SubscriptionLoaders loaders;

	SharedSubscriptions(JsonMapper json, MeterRegistry meters, SubscriptionLoaders loaders,
			@Value("${redress.realtime.subscriber-buffer:512}") int buffer,
			@Value("${redress.realtime.membership-check:5s}") Duration joining) {
		this.loaders = loaders;
		this.buffer = buffer;
		this.groups = new SubscriptionGroups(json, joining, Counter.builder("redress.subscription.executions")
				.tag("kind", "shared").description("Subscription events executed once for a group of subscribers")
				.register(meters));
		this.ownExecutions = Counter.builder("redress.subscription.executions").tag("kind", "own")
				.description("Subscription events executed for one subscriber alone (replay before joining)")
				.register(meters);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return chain.next(request).flatMap(response -> {
			GraphQLContext context = response.getExecutionInput().getGraphQLContext();
			Caller caller = context.get(OperationCharge.CALLER);
			if (!(response.getExecutionResult().getData() instanceof Publisher<?> events) || caller == null) {
				return Mono.just(response);
			}
			Execution own = new Execution(Flux.from((Publisher<ExecutionResult>) events), context);
			Key key = Key.of(caller.audience(), request);
			Runnable closeSocket = SlowSubscribers.closer(request);
			if (!ResumingRequests.resumes(request)) {
				return Mono.just(response.transform(builder -> builder.data(shared(key, own, closeSocket))));
			}
			// No group to join yet: the same subscription without its cursor is prepared to start one.
			Mono<Optional<Execution>> live = groups.takesSubscribers(key.live()) ? Mono.just(Optional.empty())
					: chain.next(live(request, context)).map(liveResponse -> Optional.ofNullable(
							liveResponse.getExecutionResult().getData() instanceof Publisher<?> liveEvents
									? new Execution(Flux.from((Publisher<ExecutionResult>) liveEvents),
											liveResponse.getExecutionInput().getGraphQLContext())
									: null));
			return live.map(starter -> response.transform(builder -> builder
					.data(resumed(key.live(), own, starter.orElse(null), closeSocket))));
		});
	}

	/** Joins the group of {@code key}, starting it with this subscriber's own execution when none runs. */
	private Flux<ExecutionResult> shared(Key key, Execution own, Runnable closeSocket) {
		return Flux.defer(() -> {
			SharedSubscriber subscriber = new SharedSubscriber(buffer, closeSocket);
			SubscriptionGroup group = groups.join(key, subscriber, own);
			return subscriber.results().doFinally(signal -> groups.leave(key, group, subscriber));
		});
	}

	/**
	 * Replays with the subscriber's own execution, then hands over to the group of the same subscription from now on
	 * (started with {@code live} when none runs). The group's results are buffered from the moment of joining; the
	 * own execution runs until it sends a result at or past the first buffered one. The group has every result from
	 * that first one on, so the buffered ones after the last sent follow without a gap or a duplicate.
	 */
	private Flux<ExecutionResult> resumed(Key key, Execution own, Execution live, Runnable closeSocket) {
		return Flux.defer(() -> {
			Flux<Positioned> replay = own.results().map(result -> {
				ownExecutions.increment();
				return new Positioned(EventPositions.next(SubscriptionGroups.positions(own.context())), result);
			});
			SharedSubscriber subscriber = new SharedSubscriber(buffer, closeSocket);
			SubscriptionGroup group = groups.join(key, subscriber, live);
			if (group == null) {
				return replay.map(Positioned::result);
			}
			AtomicLong last = new AtomicLong(-1);
			AtomicBoolean joined = new AtomicBoolean();
			// The last one sent is noted after takeUntil: a result already on its way when the replay stops is
			// dropped there, and must not count as sent.
			Flux<ExecutionResult> caughtUp = replay
					.takeUntil(result -> {
						long first = subscriber.firstPosition();
						if (result.position() < 0 || first < 0) {
							// Results without positions cannot be matched: this subscriber stays on its own.
							groups.leave(key, group, subscriber);
							return false;
						}
						joined.set(first <= result.position());
						return joined.get();
					})
					.doOnNext(result -> last.set(result.position()))
					.map(Positioned::result);
			Flux<ExecutionResult> fromGroup = Flux.defer(() -> joined.get() ? subscriber.results()
					.filter(result -> ((SerializedResult) result).position() > last.get()) : Flux.empty());
			return Flux.concat(caughtUp, fromGroup).doFinally(signal -> groups.leave(key, group, subscriber));
		});
	}

	/** The same subscription without its cursor, with this node's data loaders, to start a group with. */
	private WebGraphQlRequest live(WebGraphQlRequest request, GraphQLContext context) {
		WebGraphQlRequest live = ResumingRequests.withoutCursor(request, context);
		loaders.configure(live);
		return live;
	}

	/** How many groups take subscribers (for tests). */
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
		groups.dispose();
	}

	private record Positioned(long position, ExecutionResult result) {
	}
}
