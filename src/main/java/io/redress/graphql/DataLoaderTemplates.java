package io.redress.graphql;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Consumer;

import graphql.GraphQLContext;
import org.dataloader.BatchLoaderContextProvider;
import org.dataloader.BatchLoaderEnvironment;
import org.dataloader.DataLoader;
import org.dataloader.DataLoaderOptions;
import org.dataloader.DataLoaderRegistry;
import org.dataloader.instrumentation.DataLoaderInstrumentation;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.execution.DefaultBatchLoaderRegistry;

/**
 * Spring for GraphQL's registry of batch loaders (the {@code BatchLoaderRegistry} every module registers its loaders
 * with, and {@code @BatchMapping}s too), which makes an operation's data loaders one at a time, when the operation
 * first asks for one ({@link OnDemandDataLoaders}), not all of them up front: Spring makes all forty or so for every
 * operation (each with its options, cache and statistics: some 6 % of Q1's allocations, a query that uses none). The
 * loaders are made once with a placeholder context, as templates; an operation's loader is a copy of its template
 * with the operation's context (which Spring's batch functions read the caller from) and the request observations'
 * instrumentation of batch loads ({@link RequestObservations}).
 */
final class DataLoaderTemplates extends DefaultBatchLoaderRegistry {

	/** The loaders by name, made with a placeholder context; null until asked, and again after a registration. */
	private volatile Map<String, DataLoader<?, ?>> templates;

	/** Spring's own registration of every loader: left to {@link OnDemandDataLoaders}, which asks for each. */
	@Override
	public void registerDataLoaders(DataLoaderRegistry registry, GraphQLContext context) {
		if (!(registry instanceof OnDemandDataLoaders)) {
			super.registerDataLoaders(registry, context);
		}
	}

	/**
	 * The loader {@code name} of the operation whose context is {@code context}, instrumented with
	 * {@code instrumentation} (unless null), or null when no loader has the name.
	 */
	DataLoader<?, ?> make(String name, GraphQLContext context, DataLoaderInstrumentation instrumentation) {
		DataLoader<?, ?> template = templates().get(name);
		if (template == null) {
			return null;
		}
		BatchLoaderContextProvider provider = () -> context;
		DataLoaderOptions options = template.getOptions().transform(builder -> {
			builder.setBatchLoaderContextProvider(provider);
			if (instrumentation != null) {
				builder.setInstrumentation(instrumentation);
			}
		});
		return template.transform(builder -> builder.options(options));
	}

	private Map<String, DataLoader<?, ?>> templates() {
		Map<String, DataLoader<?, ?>> made = templates;
		if (made == null) {
			DataLoaderRegistry registry = new DataLoaderRegistry();
			super.registerDataLoaders(registry, GraphQLContext.getDefault());
			made = Map.copyOf(registry.getDataLoadersMap());
			templates = made;
		}
		return made;
	}

	@Override
	public <K, V> RegistrationSpec<K, V> forTypePair(Class<K> keyType, Class<V> valueType) {
		return new Registration<>(super.forTypePair(keyType, valueType));
	}

	@Override
	public <K, V> RegistrationSpec<K, V> forName(String name) {
		return new Registration<>(super.forName(name));
	}

	/** Spring's registration, which has the templates made again once it registers a loader. */
	private final class Registration<K, V> implements RegistrationSpec<K, V> {

		private final RegistrationSpec<K, V> registration;

		Registration(RegistrationSpec<K, V> registration) {
			this.registration = registration;
		}

		@Override
		public RegistrationSpec<K, V> withName(String name) {
			registration.withName(name);
			return this;
		}

		@Override
		public RegistrationSpec<K, V> withOptions(Consumer<DataLoaderOptions.Builder> options) {
			registration.withOptions(options);
			return this;
		}

		@Override
		public RegistrationSpec<K, V> withOptions(DataLoaderOptions options) {
			registration.withOptions(options);
			return this;
		}

		@Override
		public void registerBatchLoader(BiFunction<List<K>, BatchLoaderEnvironment, Flux<V>> loader) {
			registration.registerBatchLoader(loader);
			templates = null;
		}

		@Override
		public void registerMappedBatchLoader(BiFunction<Set<K>, BatchLoaderEnvironment, Mono<Map<K, V>>> loader) {
			registration.registerMappedBatchLoader(loader);
			templates = null;
		}
	}
}
