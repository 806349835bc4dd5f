package io.redress.graphql;

import java.lang.reflect.Field;
import java.util.Map;

import graphql.execution.DataLoaderDispatchStrategy;
import graphql.execution.instrumentation.dataloader.PerLevelDataLoaderDispatchStrategy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Works around graphql-java 25's leak of one call stack per subscription event (graphql-java issue 4314, fixed in
 * 26.1, which Spring for GraphQL 2.0 does not run on): its per-level data loader dispatcher records every event of a
 * subscription in a map it never empties, about 1 KB an event, for as long as the subscription lives, so a public
 * complaint's followers grew by 3.6 MB an hour each at an event a second. Once none of a subscription's events is in
 * flight, nothing in that map is needed any more, and it is emptied. Remove this class with the upgrade.
 */
final class EventCallStacks {

	private static final Logger log = LoggerFactory.getLogger(EventCallStacks.class);

	private static final Field CALL_STACKS = callStacks();

	private EventCallStacks() {
	}

	/** Forgets the call stacks of a subscription's finished events; call it only when none is in flight. */
	static void release(DataLoaderDispatchStrategy strategy) {
		if (CALL_STACKS == null || !(strategy instanceof PerLevelDataLoaderDispatchStrategy)) {
			return;
		}
		try {
			((Map<?, ?>) CALL_STACKS.get(strategy)).clear();
		}
		catch (IllegalAccessException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Field callStacks() {
		try {
			Field field = PerLevelDataLoaderDispatchStrategy.class.getDeclaredField("alternativeCallContextMap");
			field.setAccessible(true);
			return field;
		}
		catch (NoSuchFieldException | RuntimeException ex) {
			log.warn("graphql-java's dispatcher changed ({}); subscription call stacks are left to it", ex.toString());
			return null;
		}
	}
}
