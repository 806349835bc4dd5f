package io.redress.shared;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Supplier;

import graphql.language.Field;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;

/**
 * A field of every row of a list, batched by a keyed data loader: the key (the row, and the field's arguments) is
 * made in memory, and the data loader reads the whole level in one statement. graphql-java runs it without the
 * handler method, argument resolution and context propagation that a {@code @SchemaMapping} paid for each row; the
 * batch loader gets the request's context from the data loader, as it does for any field.
 * <p>
 * What a key takes from the field itself (its arguments checked, a cursor decoded, what its selection reads) is the
 * same for every row the field is asked on in a request, so with {@link #of(String, Function, BiFunction)} it is
 * worked out once per field of the document and request, not once per row: a brand page's selection look-ahead ran
 * for each of Q2's 20 brands.
 */
public final class LoadedField<S, A> implements LightDataFetcher<Object>, LoadingField {

	private final String loader;

	private final Function<DataFetchingEnvironment, A> ofField;

	private final BiFunction<S, A, ?> key;

	private final boolean perRow;

	private LoadedField(String loader, Function<DataFetchingEnvironment, A> ofField, BiFunction<S, A, ?> key,
			boolean perRow) {
		this.loader = loader;
		this.ofField = ofField;
		this.key = key;
		this.perRow = perRow;
	}

	/** Loads {@code key} of a row and the field's environment (its arguments, its selection) from {@code loader}. */
	public static <S> DataFetcher<Object> of(String loader, BiFunction<S, DataFetchingEnvironment, ?> key) {
		return new LoadedField<S, DataFetchingEnvironment>(loader, Function.identity(), key, true);
	}

	/**
	 * Loads {@code key} of a row and of what {@code ofField} takes from the field (its arguments, its selection; never
	 * the row, nor anything else that differs between rows) from {@code loader}; {@code ofField} runs once for each
	 * field of the request's document. Should it throw (a bad cursor), it runs again for the next row, which fails
	 * alike.
	 */
	public static <S, A> DataFetcher<Object> of(String loader, Function<DataFetchingEnvironment, A> ofField,
			BiFunction<S, A, ?> key) {
		return new LoadedField<>(loader, ofField, key, false);
	}

	@Override
	public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment) {
		return get(environment.get());
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object get(DataFetchingEnvironment environment) {
		A fromField = perRow ? ofField.apply(environment) : fromField(environment);
		return environment.getDataLoader(loader).load(key.apply((S) environment.getSource(), fromField));
	}

	/**
	 * Kept in the request's context, by this field's AST nodes: the same nodes under the same field definition have
	 * the same arguments and the same selection wherever in the request they run.
	 */
	@SuppressWarnings("unchecked")
	private A fromField(DataFetchingEnvironment environment) {
		Map<Occurrence, Object> kept = environment.getGraphQlContext().computeIfAbsent(Occurrence.class,
				any -> new ConcurrentHashMap<Occurrence, Object>());
		Occurrence occurrence = new Occurrence(this, environment.getMergedField().getFields());
		Object value = kept.get(occurrence);
		if (value == null) {
			value = ofField.apply(environment);
			kept.put(occurrence, value);
		}
		return (A) value;
	}

	/** A field of the document (its merged AST nodes, compared by identity) as this fetcher resolves it. */
	private record Occurrence(LoadedField<?, ?> fetcher, List<Field> fields) {
	}
}
