package io.redress.graphql;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import io.redress.shared.LoadingField;

import org.springframework.stereotype.Component;

/**
 * Resolves each field of a subscription event once per audience, not once per subscriber. graphql-java runs every
 * subscriber's selection on every event by itself, so a public complaint followed by 10,000 anonymous subscribers
 * would read its message 10,000 times. Here the first subscriber of an audience to reach a field of an event runs
 * its fetcher (a statement, a batch load, a masking), and every other subscriber of that audience gets that very
 * result (the same future, the same objects), whatever else their documents select: the statements an event costs
 * grow with the audiences and fields asked for, not with the subscribers.
 * <p>
 * A field's result is keyed by the event, the parent object it hangs from (by identity: the parents are themselves
 * shared results, down from the event), the field with its arguments, and the audience: every anonymous caller is
 * one audience, as they may all read exactly the same; a signed-in caller is one with their roles, as fields such as
 * {@code viewerRole} answer for them alone. Nothing is shared across audiences, so each still sees exactly what its
 * rights allow. Events are kept by identity, so the subscriptions must hand every subscriber the same event object
 * (a replay from the database makes new ones, and resolves afresh); a shared result is kept as long as its event,
 * and {@link #KEPT} at most, so a subscriber that reaches the event later still finds it.
 */
@Component
class SharedEventFields implements InstrumentationChain.SubscriptionFetchersOnly {

	static final Duration KEPT = Duration.ofSeconds(30);

	/** Events whose fields are being resolved: far more than ever reach subscribers within {@link #KEPT}. */
	private static final long MAX_EVENTS = 100_000;

	private final Cache<Object, ConcurrentMap<FieldKey, Shared>> events = Caffeine.newBuilder()
			.weakKeys().expireAfterWrite(KEPT).maximumSize(MAX_EVENTS).build();

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		// Trivial fetchers compute from their row: nothing to share. Light ones that load are not trivial here.
		boolean trivial = parameters.isTrivialDataFetcher() && !(fetcher instanceof LoadingField);
		if (trivial || !parameters.getExecutionContext().isSubscriptionOperation()) {
			return fetcher;
		}
		return environment -> {
			Object event = environment.getRoot();
			Caller caller = environment.getGraphQlContext().get(OperationCharge.CALLER);
			// The subscription field itself (level 1) makes the subscriber's own stream: never shared.
			if (event == null || caller == null || environment.getExecutionStepInfo().getPath().getLevel() < 2) {
				return fetcher.get(environment);
			}
			FieldKey key = new FieldKey(environment.getSource(), environment.getField().getName(),
					environment.getArguments(), caller.audience());
			return events.get(event, any -> new ConcurrentHashMap<>())
					.computeIfAbsent(key, any -> new Shared())
					.get(fetcher, environment);
		};
	}

	/** How many events have shared fields at the moment (for tests and benchmarks). */
	long eventsHeld() {
		events.cleanUp();
		return events.estimatedSize();
	}

	/** One field of one parent object of an event, for one audience. */
	private static final class FieldKey {

		private final Object parent;
		private final String field;
		private final Map<String, Object> arguments;
		private final String audience;
		private final int hash;

		FieldKey(Object parent, String field, Map<String, Object> arguments, String audience) {
			this.parent = parent;
			this.field = field;
			this.arguments = arguments;
			this.audience = audience;
			this.hash = Objects.hash(System.identityHashCode(parent), field, arguments, audience);
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof FieldKey key && key.parent == parent && key.field.equals(field)
					&& key.audience.equals(audience) && key.arguments.equals(arguments);
		}

		@Override
		public int hashCode() {
			return hash;
		}
	}

	/**
	 * The fetcher's result, from the first subscriber that asks. A future is shared as it is: the first subscriber's
	 * execution completes it (its batch loads included) and the others wait on the same one. A fetcher that throws
	 * shares nothing: the next subscriber runs it again.
	 */
	private static final class Shared {

		private Object value;
		private boolean resolved;

		synchronized Object get(DataFetcher<?> fetcher, DataFetchingEnvironment environment) throws Exception {
			if (!resolved) {
				value = fetcher.get(environment);
				resolved = true;
			}
			return value;
		}
	}
}
