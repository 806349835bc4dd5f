package io.redress.shared;

import java.util.function.Function;
import java.util.function.Supplier;

import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;

/**
 * A GraphQL field computed from its parent object alone, in memory, with no I/O: a global id, a masked text, a small
 * value object. graphql-java and Spring for GraphQL run it as they run a plain property (no environment built for
 * it, no context propagation, handler-method invocation or observation around it), where an annotated
 * {@code @SchemaMapping} paid all of that once for each row of a page.
 */
public final class PlainField<S> implements LightDataFetcher<Object> {

	private final Function<S, ?> value;

	private PlainField(Function<S, ?> value) {
		this.value = value;
	}

	public static <S> DataFetcher<Object> of(Function<S, ?> value) {
		return new PlainField<>(value);
	}

	@Override
	@SuppressWarnings("unchecked")
	public Object get(GraphQLFieldDefinition field, Object source, Supplier<DataFetchingEnvironment> environment) {
		return value.apply((S) source);
	}

	@Override
	public Object get(DataFetchingEnvironment environment) {
		return value.apply(environment.getSource());
	}
}
