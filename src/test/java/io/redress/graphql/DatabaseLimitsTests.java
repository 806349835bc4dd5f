package io.redress.graphql;

import java.time.Duration;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTimeoutException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DatabaseLimitsTests {

	@Test
	void transactionsMayNotTakeEveryPooledConnection() {
		R2dbcProperties r2dbc = new R2dbcProperties();
		r2dbc.getPool().setMaxSize(20);

		assertThatThrownBy(() -> new DatabaseTimeouts().transactionManager(null, slots(20), r2dbc))
				.hasMessageContaining("redress.database.transaction-slots")
				.hasMessageContaining("spring.r2dbc.pool.max-size");
		assertThatThrownBy(() -> new DatabaseTimeouts().transactionManager(null, slots(0), r2dbc))
				.hasMessageContaining("redress.database.transaction-slots");
	}

	@Test
	void theDatabasesTimeoutsAndNoConnectionInTimeAreTimeoutsWhateverWrapsThem() {
		assertThat(DatabaseTimeouts.isTimeout(new DataAccessResourceFailureException("query",
				new R2dbcNonTransientResourceException("canceling statement due to lock timeout", "55P03")))).isTrue();
		assertThat(DatabaseTimeouts.isTimeout(new DataAccessResourceFailureException("query",
				new R2dbcNonTransientResourceException("canceling statement due to statement timeout", "57014"))))
				.isTrue();
		assertThat(DatabaseTimeouts.isTimeout(new CannotCreateTransactionException("no connection",
				new R2dbcTimeoutException("Connection acquisition timed out after 2000ms")))).isTrue();
	}

	@Test
	void otherDatabaseFailuresAreNotTimeouts() {
		assertThat(DatabaseTimeouts.isTimeout(new DataAccessResourceFailureException("down",
				new R2dbcNonTransientResourceException("connection refused", "08001")))).isFalse();
		assertThat(DatabaseTimeouts.isTimeout(new IllegalStateException("bug"))).isFalse();
	}

	private static DatabaseLimits slots(int slots) {
		return new DatabaseLimits(Duration.ofSeconds(8), Duration.ofSeconds(5), slots, Duration.ofSeconds(2));
	}
}
