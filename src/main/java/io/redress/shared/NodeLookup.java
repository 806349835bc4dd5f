package io.redress.shared;

import reactor.core.publisher.Mono;

/**
 * How a module answers {@code node(id:)} for its own types; empty when the node does not exist or the caller may
 * not read it.
 */
public interface NodeLookup {

	String typeName();

	Mono<?> find(long id);
}
