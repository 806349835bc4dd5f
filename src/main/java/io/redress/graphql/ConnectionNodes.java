package io.redress.graphql;

import java.util.List;

import graphql.relay.Edge;
import graphql.schema.DataFetcher;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.WiringFactory;
import io.redress.shared.Connection;
import io.redress.shared.PlainField;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Resolves {@code nodes} on every connection type, also on the empty {@link graphql.relay.Connection} that Spring
 * for GraphQL puts in place of a non-null connection whose fetcher failed. That one has no {@code nodes}, so without
 * this a {@code BAD_REQUEST} on {@code brands(first: 0)} came with a second, unclassified error about a null list.
 */
final class ConnectionNodes implements RuntimeWiringConfigurer, WiringFactory {

	@Override
	public void configure(RuntimeWiring.Builder builder) {
	}

	@Override
	public void configure(RuntimeWiring.Builder builder, List<WiringFactory> factories) {
		factories.add(this);
	}

	@Override
	public boolean providesDataFetcher(FieldWiringEnvironment environment) {
		return environment.getFieldDefinition().getName().equals("nodes")
				&& environment.getParentType().getName().endsWith("Connection");
	}

	/** A plain field: it runs once for every connection of a list (every brand's complaints), from its page alone. */
	@Override
	public DataFetcher<?> getDataFetcher(FieldWiringEnvironment environment) {
		return PlainField.of(ConnectionNodes::nodes);
	}

	private static List<?> nodes(Object source) {
		if (source instanceof graphql.relay.Connection<?> substitute) {
			return substitute.getEdges().stream().map(Edge::getNode).toList();
		}
		return source instanceof Connection<?> page ? page.nodes() : null;
	}
}
