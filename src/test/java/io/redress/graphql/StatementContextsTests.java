package io.redress.graphql;

import java.util.List;

import io.redress.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.ReactiveSecurityContextHolderThreadLocalAccessor;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statements run with an empty Reactor context: the driver's operators restore no thread-locals around the rows, while
 * what is read from the context before a statement (the viewer, the transaction) is there as before.
 */
class StatementContextsTests extends ApiTest {

	@Autowired
	TransactionalOperator transactions;

	@Test
	void rowsAreMappedWithoutTheSecurityContextsThreadLocal() {
		ReactiveSecurityContextHolderThreadLocalAccessor accessor = new ReactiveSecurityContextHolderThreadLocalAccessor();
		List<Boolean> restored = db.sql("SELECT generate_series(1, 3) AS n")
				.map(row -> accessor.getValue() != null).all().collectList()
				.contextWrite(ReactiveSecurityContextHolder
						.withAuthentication(new TestingAuthenticationToken("someone", "secret")))
				.block();

		assertThat(restored).containsExactly(false, false, false);
	}

	@Test
	void theViewerAndTheTransactionAreStillReadFromTheContext() {
		String viewer = transactions.transactional(db.sql("SELECT txid_current_if_assigned() IS NULL AS fresh")
				.map(row -> row.get("fresh", Boolean.class)).one()
				.then(db.sql("SELECT pg_current_xact_id()::text AS a").map(row -> row.get("a", String.class)).one())
				.flatMap(first -> db.sql("SELECT pg_current_xact_id()::text AS a").map(row -> row.get("a", String.class))
						.one().map(second -> first.equals(second)))
				.zipWith(ReactiveSecurityContextHolder.getContext()
						.map(context -> context.getAuthentication().getName()))
				.map(both -> both.getT1() + " " + both.getT2()))
				.contextWrite(ReactiveSecurityContextHolder
						.withAuthentication(new TestingAuthenticationToken("someone", "secret")))
				.block();

		assertThat(viewer).isEqualTo("true someone");
	}
}
