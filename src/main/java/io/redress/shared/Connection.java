package io.redress.shared;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * One page of a Relay connection (named so Spring for GraphQL passes it through as a ready-made connection): edges with
 * opaque cursors, and where the page ends. A cursor is made when it is read ({@code cursor}, {@code startCursor},
 * {@code endCursor}), not with the page: most reads select {@code nodes} alone, and making every row's cursor (its
 * sort key as text, encoded) was 5 % of the allocations of a page of complaints.
 */
public record Connection<T>(List<Edge<T>> edges, PageInfo pageInfo) {

	/** A row of the page and its cursor, made on first read from the row (a race makes the same string twice). */
	public static final class Edge<T> {

		private final T node;
		private final Function<? super T, String> cursorOf;
		private String cursor;

		public Edge(String cursor, T node) {
			this.node = node;
			this.cursor = cursor;
			this.cursorOf = null;
		}

		Edge(T node, Function<? super T, String> cursorOf) {
			this.node = node;
			this.cursorOf = cursorOf;
		}

		public String cursor() {
			String made = cursor;
			if (made == null && cursorOf != null) {
				made = cursorOf.apply(node);
				cursor = made;
			}
			return made;
		}

		public T node() {
			return node;
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof Edge<?> edge && Objects.equals(cursor(), edge.cursor())
					&& Objects.equals(node, edge.node);
		}

		@Override
		public int hashCode() {
			return Objects.hash(cursor(), node);
		}

		@Override
		public String toString() {
			return "Edge[cursor=" + cursor() + ", node=" + node + "]";
		}
	}

	/** Where the page stands; its cursors are its first and last edges', made when read. */
	public static final class PageInfo {

		private final boolean hasNextPage;
		private final boolean hasPreviousPage;
		private final Edge<?> start;
		private final Edge<?> end;

		public PageInfo(boolean hasNextPage, boolean hasPreviousPage, String startCursor, String endCursor) {
			this(hasNextPage, hasPreviousPage, startCursor == null ? null : new Edge<Object>(startCursor, (Object) null),
					endCursor == null ? null : new Edge<Object>(endCursor, (Object) null));
		}

		private PageInfo(boolean hasNextPage, boolean hasPreviousPage, Edge<?> start, Edge<?> end) {
			this.hasNextPage = hasNextPage;
			this.hasPreviousPage = hasPreviousPage;
			this.start = start;
			this.end = end;
		}

		public boolean hasNextPage() {
			return hasNextPage;
		}

		public boolean hasPreviousPage() {
			return hasPreviousPage;
		}

		public String startCursor() {
			return start == null ? null : start.cursor();
		}

		public String endCursor() {
			return end == null ? null : end.cursor();
		}

		@Override
		public boolean equals(Object other) {
			return other instanceof PageInfo info && hasNextPage == info.hasNextPage
					&& hasPreviousPage == info.hasPreviousPage && Objects.equals(startCursor(), info.startCursor())
					&& Objects.equals(endCursor(), info.endCursor());
		}

		@Override
		public int hashCode() {
			return Objects.hash(hasNextPage, hasPreviousPage, startCursor(), endCursor());
		}

		@Override
		public String toString() {
			return "PageInfo[hasNextPage=" + hasNextPage + ", hasPreviousPage=" + hasPreviousPage + ", startCursor="
					+ startCursor() + ", endCursor=" + endCursor() + "]";
		}
	}

	/** Builds a page from up to {@code request.fetchSize()} rows; the extra row only says that more exist. */
	public static <T> Connection<T> of(List<T> rows, PageRequest request, Function<T, String> cursorOf) {
		boolean hasNext = rows.size() > request.first();
		List<Edge<T>> edges = rows.stream().limit(request.first())
				.map(row -> new Edge<>(row, cursorOf))
				.toList();
		Edge<T> start = edges.isEmpty() ? null : edges.get(0);
		Edge<T> end = edges.isEmpty() ? null : edges.get(edges.size() - 1);
		return new Connection<>(edges, new PageInfo(hasNext, request.after() != null, start, end));
	}

	/** The same page with each node replaced, cursors kept: rows read with their sort keys become plain nodes. */
	public <R> Connection<R> map(Function<T, R> mapper) {
		List<Edge<R>> mapped = edges.stream()
				.map(edge -> new Edge<R>(mapper.apply(edge.node()), node -> edge.cursor())).toList();
		return new Connection<>(mapped, pageInfo);
	}

	public List<T> nodes() {
		return edges.stream().map(Edge::node).toList();
	}
}
