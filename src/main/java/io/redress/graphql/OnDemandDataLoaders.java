package io.redress.graphql;

import java.util.concurrent.ConcurrentHashMap;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;

import org.springframework.graphql.execution.DataLoaderRegistrar;

/**
 * The data loaders of one operation, which a subscription holds only while one of its events is being resolved.
 * Spring for GraphQL makes every registered loader for every operation up front (about forty, each with its options,
 * cache and statistics: some 15 KB), and a subscription would keep them, and every key they ever cached, for as long
 * as it lives, though most of its events are resolved by another subscriber of its audience
 * ({@link SharedEventFields}). Once {@link #onDemand()} is called, the loaders are dropped and made again, all at
 * once, the first time an event asks for one; they are dropped again when no event of the subscription is in flight.
 * A query or mutation keeps the loaders Spring made, as before.
 */
final class OnDemandDataLoaders extends DataLoaderRegistry {

	private final DataLoaderRegistrar registrar;
	private final GraphQLContext context;
	private boolean onDemand;
	private boolean made;
	private boolean making;
	private int eventsInFlight;

	OnDemandDataLoaders(DataLoaderRegistrar registrar, GraphQLContext context) {
		this.registrar = registrar;
		this.context = context;
	}

	/** The same loaders, instrumented as {@code observed} (the copy the request observations made of this one). */
	private OnDemandDataLoaders(OnDemandDataLoaders original, DataLoaderRegistry observed) {
		super(new ConcurrentHashMap<>(), observed.getInstrumentation());
		this.registrar = original.registrar;
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
		drop();
	}

	synchronized void eventStarted() {
		eventsInFlight++;
	}

	/** Drops the loaders, and what they cached, once no event needs them; true when none is in flight. */
	synchronized boolean eventEnded() {
		eventsInFlight--;
		if (eventsInFlight == 0 && onDemand) {
			drop();
		}
		return eventsInFlight == 0;
	}

	@Override
	public <K, V> DataLoader<K, V> getDataLoader(String key) {
		synchronized (this) {
			if (onDemand && !made && !making) {
				making = true;
				try {
					registrar.registerDataLoaders(this, context);
					made = true;
				}
				finally {
					making = false;
				}
			}
		}
		return super.getDataLoader(key);
	}

	private void drop() {
		dataLoaders.clear();
		made = false;
	}
}
