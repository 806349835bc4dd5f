package io.redress.graphql;

import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;

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

	OnDemandDataLoaders(DataLoaderTemplates templates, GraphQLContext context) {
		this.templates = templates;
		this.context = context;
	}

	/** The same loaders, instrumented as {@code observed} (the copy the request observations made of this one). */
	private OnDemandDataLoaders(OnDemandDataLoaders original, DataLoaderRegistry observed) {
		super(new ConcurrentHashMap<>(), observed.getInstrumentation());
		this.templates = original.templates;
		this.context = original.context;
		dataLoaders.putAll(observed.getDataLoadersMap());
		// The original stays referenced from the operation's input for as long as it runs: it keeps no loader.
		original.dataLoaders.clear();
	}

	/**
	 * Spring's request observations replace the operation's registry with an instrumented copy, which would hold the
	 * loaders for good; this is that copy, on demand.
	 */
	OnDemandDataLoaders observedAs(DataLoaderRegistry observed) {
		return new OnDemandDataLoaders(this, observed);
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
		DataLoader<?, ?> template = templates.make(key, context);
		if (template == null) {
			return null;
		}
		// Instrumented by the registry's own instrumentation, as a registered loader would be; of two made at once,
		// the first one kept serves both.
		return computeIfAbsent(key, name -> template);
	}
}
