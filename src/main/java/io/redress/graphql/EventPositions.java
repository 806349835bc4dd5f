package io.redress.graphql;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import io.redress.shared.PositionedEvent;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.stereotype.Component;

/**
 * Notes the log position of each event a subscription's source stream emits, in order, in the operation's GraphQL
 * context. graphql-java turns each event into exactly one result, in the same order (events are kept ordered, see
 * {@link RequestPolicy}), so {@link SharedSubscriptions} pairs every result with its event's position: that is how
 * a resuming subscriber knows where its own replay meets the shared stream.
 */
@Component
class EventPositions implements InstrumentationChain.SubscriptionFetchersOnly {

	/** The GraphQL context key of the queue of positions, oldest first; -1 for an event without one. */
	static final String KEY = EventPositions.class.getName();

	@Override
	public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> fetcher, InstrumentationFieldFetchParameters parameters,
			InstrumentationState state) {
		// Only the subscription field itself: a wrapped fetcher would hide from others what kind it is (LoadingField).
		if (parameters.isTrivialDataFetcher() || !parameters.getExecutionContext().isSubscriptionOperation()
				|| parameters.getExecutionStepInfo().getPath().getLevel() != 1) {
			return fetcher;
		}
		return environment -> {
			Object value = fetcher.get(environment);
			if (!(value instanceof Publisher<?> events)) {
				return value;
			}
			Queue<Long> positions = environment.getGraphQlContext()
					.computeIfAbsent(KEY, key -> new ConcurrentLinkedQueue<Long>());
			return Flux.from(events).doOnNext(event -> positions.add(
					event instanceof PositionedEvent positioned ? positioned.logPosition() : -1L));
		};
	}

	/** The position of the event behind the next result of a subscription; -1 when unknown. */
	static long next(Queue<Long> positions) {
		Long position = positions == null ? null : positions.poll();
		return position == null ? -1 : position;
	}
}
