package io.redress.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a Relay connection (named so Spring for GraphQL passes it through as a ready-made connection): edges with opaque cursors, and where the page ends. */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

	public record Edge<T>(String cursor, T node) {
	}

	public record PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
	}

	/** Builds a page from up to {@code request.fetchSize()} rows; the extra row only says that more exist. */
	public static <T> Connection<T> of(List<T> rows, PageRequest request, Function<T, String> cursorOf) {
		boolean hasNext = rows.size() > request.first();
		List<Edge<T>> edges = rows.stream().limit(request.first())
				.map(row -> new Edge<>(cursorOf.apply(row), row))
				.toList();
		String start = edges.isEmpty() ? null : edges.get(0).cursor();
		String end = edges.isEmpty() ? null : edges.get(edges.size() - 1).cursor();
		return new Connection<>(edges, new PageInfo(hasNext, request.after() != null, start, end));
	}

	/** The same page with each node replaced, cursors kept: rows read with their sort keys become plain nodes. */
	public <R> Connection<R> map(Function<T, R> mapper) {
		return new Connection<>(edges.stream().map(edge -> new Edge<>(edge.cursor(), mapper.apply(edge.node()))).toList(),
				pageInfo);
	}

	public List<T> nodes() {
		return edges.stream().map(Edge::node).toList();
	}
}
