package io.redress.shared;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A page makes a row's cursor only when it is read, once, and the same as it made them before. */
class ConnectionTests {

	@Test
	void cursorsAreMadeWhenReadOnly() {
		List<Integer> made = new ArrayList<>();
		Connection<Integer> page = Connection.of(List.of(1, 2, 3, 4), new PageRequest(3, null), row -> {
			made.add(row);
			return Cursors.encode("k", row);
		});

		assertThat(page.nodes()).containsExactly(1, 2, 3);
		assertThat(page.pageInfo().hasNextPage()).isTrue();
		assertThat(page.pageInfo().hasPreviousPage()).isFalse();
		assertThat(made).isEmpty();

		assertThat(page.pageInfo().endCursor()).isEqualTo(Cursors.encode("k", 3));
		assertThat(page.edges().get(2).cursor()).isEqualTo(Cursors.encode("k", 3));
		assertThat(page.pageInfo().startCursor()).isEqualTo(Cursors.encode("k", 1));
		assertThat(page.edges()).extracting(Connection.Edge::cursor)
				.containsExactly(Cursors.encode("k", 1), Cursors.encode("k", 2), Cursors.encode("k", 3));
		assertThat(made).containsExactly(3, 1, 2);
	}

	@Test
	void aMappedPageKeepsTheCursorsAndAnEmptyPageHasNone() {
		Connection<String> page = Connection.of(List.of(7, 8), new PageRequest(5, "x"), row -> "c" + row)
				.map(row -> "row " + row);

		assertThat(page.edges()).extracting(Connection.Edge::cursor).containsExactly("c7", "c8");
		assertThat(page.nodes()).containsExactly("row 7", "row 8");
		assertThat(page.pageInfo()).isEqualTo(new Connection.PageInfo(false, true, "c7", "c8"));
		Connection<Integer> empty = Connection.of(List.of(), new PageRequest(5, null), row -> "c" + row);
		assertThat(empty.pageInfo()).isEqualTo(new Connection.PageInfo(false, false, null, null));
		assertThat(empty.edges()).isEmpty();
	}
}
