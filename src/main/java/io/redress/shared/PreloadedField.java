package io.redress.shared;

import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;

/**
 * A to-one relation that a page's own statement read with its rows when the query asked for it: then the field is a
 * plain field ({@link PlainField}), with no data loader, future or wrapper per row. Rows read without it (one by
 * id, a page that did not join it) are batched by the data loader named {@code loader}, keyed by the row, so a level
 * of rows still costs one statement.
 */
public final class PreloadedField<S> implements LightDataFetcher<Object>, LoadingField {

	private final Predicate<S> read;

	private final Function<S, ?> value;

	private final String loader;

	private PreloadedField(Predicate<S> read, Function<S, ?> value, String loader) {
		this.read = read;
		this.value = value;
		this.loader = loader;
	}

	/** {@code value} of a row for which {@code read} holds; the data loader {@code loader} for any other row. */
	public static <S> DataFetcher<Object> of(Predicate<S> read, Function<S, ?> value, String loader) {
		return new PreloadedField<>(read, value, loader);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment) {
		S row = (S) source;
		return read.test(row) ? value.apply(row) : environment.get().getDataLoader(loader).load(source);
	}

	@Override
	public Object get(DataFetchingEnvironment environment) {
		return get(environment.getFieldDefinition(), environment.getSource(), () -> environment);
	}
}
