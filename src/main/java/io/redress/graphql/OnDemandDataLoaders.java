package io.redress.graphql;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.instrumentation.DataLoaderInstrumentation;

/**
 * The data loaders of one operation, each made the first time the operation asks for it
 * ({@link DataLoaderTemplates}): Spring for GraphQL made every registered loader for every operation up front (about
 * forty, each with its options, cache and statistics: some 15 KB), though a query uses a few, and Q1 none. A
 * subscription holds its loaders only while one of its events is being resolved: it would keep them, and every key
 * they ever cached, for as long as it lives, though most of its events are resolved by another subscriber of its
 * audience ({@link SharedEventFields}). Once {@link #onDemand()} is called, the loaders are dropped whenever no event
 * of the subscription is in flight, and made again when an event asks for them.
 */
final class OnDemandDataLoaders extends DataLoaderRegistry {

	private final DataLoaderTemplates templates;
	private final GraphQLContext context;
	private boolean onDemand;
	private int eventsInFlight;
	private volatile DataLoaderInstrumentation batchLoads;

	OnDemandDataLoaders(DataLoaderTemplates templates, GraphQLContext context) {
		this.templates = templates;
		this.context = context;
	}

	/**
	 * The request observations' instrumentation of batch loads ({@link RequestObservations}), given before the
	 * operation runs; the loaders made from then on are instrumented with it.
	 */
	void observeBatchLoads(DataLoaderInstrumentation instrumentation) {
		this.batchLoads = instrumentation;
	}

	@Override
	public DataLoaderInstrumentation getInstrumentation() {
		return batchLoads;
	}

	/** From now on (a subscription's), loaders exist only while an event is resolved. */
	synchronized void onDemand() {
		onDemand = true;
		dataLoaders.clear();
	}

	synchronized void eventStarted() {
		eventsInFlight++;
	}

	/** Drops the loaders, and what they cached, once no event needs them; true when none is in flight. */
	synchronized boolean eventEnded() {
		eventsInFlight--;
		if (eventsInFlight == 0 && onDemand) {
			dataLoaders.clear();
		}
		return eventsInFlight == 0;
	}

	@Override
	public <K, V> DataLoader<K, V> getDataLoader(String key) {
		DataLoader<K, V> made = super.getDataLoader(key);
		if (made != null) {
			return made;
		}
		DataLoader<?, ?> template = templates.make(key, context, batchLoads);
		if (template == null) {
			return null;
		}
		// Of two made at once, the first one kept serves both.
		return computeIfAbsent(key, name -> template);
	}
}
