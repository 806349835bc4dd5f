package io.redress.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import graphql.GraphQLContext;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderRegistry;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An operation's data loaders are made one at a time, as it asks for them, each reading the operation's own context;
 * Spring's registration of all of them up front makes none.
 */
class OnDemandDataLoadersTests {

	private final DataLoaderTemplates templates = new DataLoaderTemplates();

	private final AtomicReference<Object> contextSeen = new AtomicReference<>();

	OnDemandDataLoadersTests() {
		templates.<Integer, String>forName("names").registerBatchLoader((keys, environment) -> {
			contextSeen.set(environment.getContext());
			return Flux.fromIterable(keys).map(key -> "name " + key);
		});
		templates.<Integer, Integer>forName("squares").registerMappedBatchLoader((keys, environment) -> Mono.just(Map.of()));
	}

	@Test
	void onlyTheLoadersAskedForAreMadeWithTheOperationsContext() {
		GraphQLContext context = GraphQLContext.newContext().of("caller", "ann").build();
		OnDemandDataLoaders loaders = new OnDemandDataLoaders(templates, context);

		templates.registerDataLoaders(loaders, context);
		assertThat(loaders.getDataLoaders()).isEmpty();

		DataLoader<Integer, String> names = loaders.getDataLoader("names");
		assertThat(loaders.getDataLoader("names")).isSameAs(names);
		assertThat(loaders.getKeys()).containsExactly("names");
		assertThat(loaders.<Object, Object>getDataLoader("nothing")).isNull();

		var loaded = names.load(7);
		loaders.dispatchAll();
		assertThat(loaded.join()).isEqualTo("name 7");
		assertThat(contextSeen.get()).isSameAs(context);
	}

	@Test
	void twoOperationsShareNoLoaderAndEachReadsItsOwnContext() {
		GraphQLContext first = GraphQLContext.newContext().build();
		GraphQLContext second = GraphQLContext.newContext().build();
		DataLoader<Integer, String> one = new OnDemandDataLoaders(templates, first).getDataLoader("names");
		DataLoader<Integer, String> other = new OnDemandDataLoaders(templates, second).getDataLoader("names");

		assertThat(other).isNotSameAs(one);
		var loaded = other.load(1);
		other.dispatch();
		assertThat(loaded.join()).isEqualTo("name 1");
		assertThat(contextSeen.get()).isSameAs(second);
	}

	@Test
	void twoOperationsShareNoCachedValue() {
		AtomicInteger batches = new AtomicInteger();
		templates.<Integer, String>forName("counted").registerBatchLoader((keys, environment) -> Flux.fromIterable(keys)
				.map(key -> "batch " + batches.incrementAndGet()));
		DataLoader<Integer, String> one = new OnDemandDataLoaders(templates, GraphQLContext.getDefault())
				.getDataLoader("counted");
		DataLoader<Integer, String> other = new OnDemandDataLoaders(templates, GraphQLContext.getDefault())
				.getDataLoader("counted");

		var first = one.load(1);
		one.dispatch();
		var second = other.load(1);
		other.dispatch();

		assertThat(first.join()).isEqualTo("batch 1");
		assertThat(second.join()).as("the same key in another operation is loaded again, not read from the first's cache")
				.isEqualTo("batch 2");
	}

	@Test
	void aPlainRegistryStillGetsEveryLoaderAndALaterRegistrationIsMade() {
		DataLoaderRegistry plain = new DataLoaderRegistry();
		templates.registerDataLoaders(plain, GraphQLContext.getDefault());
		assertThat(plain.getKeys()).containsExactlyInAnyOrder("names", "squares");

		OnDemandDataLoaders loaders = new OnDemandDataLoaders(templates, GraphQLContext.getDefault());
		loaders.getDataLoader("names");
		templates.<Integer, String>forName("later").registerBatchLoader((keys, environment) -> Flux.just("x"));
		assertThat(loaders.<Integer, String>getDataLoader("later")).isNotNull();
		assertThat(List.copyOf(loaders.getKeys())).containsExactlyInAnyOrder("names", "later");
	}

	@Test
	void aSubscriptionsLoadersAreDroppedOnceNoEventIsInFlight() {
		OnDemandDataLoaders loaders = new OnDemandDataLoaders(templates, GraphQLContext.getDefault());
		loaders.onDemand();
		loaders.eventStarted();
		DataLoader<Integer, String> names = loaders.getDataLoader("names");
		assertThat(loaders.getKeys()).containsExactly("names");

		assertThat(loaders.eventEnded()).isTrue();
		assertThat(loaders.getDataLoaders()).isEmpty();
		assertThat(loaders.<Integer, String>getDataLoader("names")).isNotSameAs(names);
	}
}
