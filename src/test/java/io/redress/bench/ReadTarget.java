package io.redress.bench;

import java.util.List;
import java.util.stream.IntStream;

/**
 * A GraphQL server the read benchmark loads: Redress, or its peer (PostGraphile) on the same tables, which names the
 * same rows in its own schema ({@link ReadQuery#peerRequestBody}).
 *
 * @param name what the output calls it
 * @param endpoint the URL requests are posted to
 * @param peer whether it speaks the peer's schema
 */
record ReadTarget(String name, String endpoint, boolean peer) {

	static ReadTarget redress(String server) {
		return new ReadTarget("Redress", server + "/graphql", false);
	}

	static ReadTarget postgraphile(String endpoint) {
		return new ReadTarget("PostGraphile", endpoint, true);
	}

	/** Every request body of a run, one a line: Q1 one per brand (asked for in turn), the others one. */
	List<String> bodies(ReadQuery query, int brands) {
		return IntStream.range(0, query == ReadQuery.Q1 ? brands : 1)
				.mapToObj(sequence -> peer ? query.peerRequestBody(sequence, brands) : query.requestBody(sequence, brands))
				.toList();
	}
}
