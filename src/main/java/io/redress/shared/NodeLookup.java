package io.redress.shared;

import reactor.core.publisher.Mono;

/**
 * How a module answers {@code node(id:)} for its own types: its directory implements this, so the node is read
 * with the same rights as every other read. Empty when the node does not exist or the caller may not read it.
 */
public interface NodeLookup {

	/** The GraphQL type of the ids this lookup answers. */
	String typeName();

	Mono<?> byId(long id);
}
