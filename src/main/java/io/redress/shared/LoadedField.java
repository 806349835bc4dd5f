package io.redress.shared;

import java.util.function.BiFunction;
import java.util.function.Supplier;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;

/**
 * A field of every row of a list, batched by a keyed data loader: the key (the row, and the field's arguments) is
 * made in memory, and the data loader reads the whole level in one statement. graphql-java runs it without the
 * handler method, argument resolution and context propagation that a {@code @SchemaMapping} paid for each row; the
 * batch loader gets the request's context from the data loader, as it does for any field.
 */
public final class LoadedField<S> implements LightDataFetcher<Object>, LoadingField {

	private final String loader;

	private final BiFunction<S, DataFetchingEnvironment, ?> key;

	private LoadedField(String loader, BiFunction<S, DataFetchingEnvironment, ?> key) {
		this.loader = loader;
		this.key = key;
	}

	/** Loads {@code key} of a row and the field's environment (its arguments, its selection) from {@code loader}. */
	public static <S> DataFetcher<Object> of(String loader, BiFunction<S, DataFetchingEnvironment, ?> key) {
		return new LoadedField<>(loader, key);
	}

	@Override
	public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment) {
		return get(environment.get());
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object get(DataFetchingEnvironment environment) {
		return environment.getDataLoader(loader).load(key.apply((S) environment.getSource(), environment));
	}
}
