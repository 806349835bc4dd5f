package io.redress.graphql;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcTimeoutException;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.ReactiveTransactionManager;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The database half of request timeouts. Cancelling a reactive query does not stop it in PostgreSQL (the driver sends
 * no cancel request; the connection stays busy until the statement ends), so the reliable stop is the server's own:
 * every pooled connection gets {@code statement_timeout} and {@code lock_timeout}, and a transaction opened for a
 * request lowers its statement timeout to the time the request has left. Transactions are also bounded in number,
 * and stop their work at the request's deadline (see {@link DeadlineTransactions}).
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(DatabaseLimits.class)
class DatabaseTimeouts {

	/** PostgreSQL's query_canceled (statement_timeout) and lock_not_available (lock_timeout). */
	private static final String QUERY_CANCELED = "57014";
	private static final String LOCK_NOT_AVAILABLE = "55P03";

	@Bean
	ConnectionFactoryOptionsBuilderCustomizer statementLimits(DatabaseLimits limits) {
		return options -> options.option(PostgresqlConnectionFactoryProvider.STATEMENT_TIMEOUT, limits.statementTimeout())
				.option(PostgresqlConnectionFactoryProvider.LOCK_WAIT_TIMEOUT, limits.lockTimeout());
	}

	/** Refuses to start when transactions could take every pooled connection: then nothing is left for reads. */
	@Bean
	ReactiveTransactionManager transactionManager(ConnectionFactory connectionFactory, DatabaseLimits limits,
			R2dbcProperties r2dbc) {
		int poolSize = r2dbc.getPool().getMaxSize();
		if (limits.transactionSlots() < 1
				|| (r2dbc.getPool().isEnabled() && limits.transactionSlots() >= poolSize)) {
			throw new IllegalStateException("redress.database.transaction-slots is " + limits.transactionSlots()
					+ ": set it from 1 to below spring.r2dbc.pool.max-size (" + poolSize
					+ "), so reads always find a connection");
		}
		return new BoundedTransactionManager(connectionFactory, limits);
	}

	@Bean
	TransactionalOperator transactionalOperator(ReactiveTransactionManager transactionManager) {
		return new DeadlineTransactions(TransactionalOperator.create(transactionManager));
	}

	/**
	 * Whether {@code error} (or a cause) means the work was stopped for taking too long: the request's deadline, the
	 * database's statement or lock timeout, or no connection or transaction slot in time.
	 */
	static boolean isTimeout(Throwable error) {
		for (Throwable cause = error; cause != null; cause = cause.getCause()) {
			if (cause instanceof TransactionTimedOutException || cause instanceof R2dbcTimeoutException
					|| cause instanceof org.springframework.dao.QueryTimeoutException) {
				return true;
			}
			if (cause instanceof R2dbcException database
					&& (QUERY_CANCELED.equals(database.getSqlState())
							|| LOCK_NOT_AVAILABLE.equals(database.getSqlState()))) {
				return true;
			}
			if (cause.getCause() == cause) {
				break;
			}
		}
		return false;
	}
}
