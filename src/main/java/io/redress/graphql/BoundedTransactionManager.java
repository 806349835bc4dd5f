package io.redress.graphql;

import java.time.Duration;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import org.apache.commons.logging.LogFactory;
import reactor.core.publisher.Mono;
import reactor.pool.InstrumentedPool;
import reactor.pool.PoolAcquireTimeoutException;
import reactor.pool.PoolBuilder;
import reactor.pool.PooledRef;

import org.springframework.r2dbc.connection.R2dbcTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.reactive.TransactionSynchronizationManager;

/**
 * Spring's R2DBC transaction manager with two bounds. A new transaction first takes one of a fixed number of slots
 * (a Reactor pool of tokens, so waiting never blocks a thread), fewer than the connection pool holds: mutations that
 * all wait on one locked table cannot take the connections reads need. And when it runs for a request, its
 * statements may run no longer than the request has left ({@code SET LOCAL statement_timeout}), so the database
 * stops a blocked statement at the deadline instead of keeping the connection after the answer was given.
 */
class BoundedTransactionManager extends R2dbcTransactionManager {

	private final DatabaseLimits limits;
	private final InstrumentedPool<Object> slots;

	BoundedTransactionManager(ConnectionFactory connectionFactory, DatabaseLimits limits) {
		super(connectionFactory);
		// Logs as Spring's own manager: what it logs under a database outage (a commit that could not reach the
		// server) is a library's report, which the log filter keeps to one line per outage.
		this.logger = LogFactory.getLog(R2dbcTransactionManager.class);
		this.limits = limits;
		this.slots = PoolBuilder.from(Mono.fromSupplier(Object::new))
				.sizeBetween(0, limits.transactionSlots())
				.maxPendingAcquireUnbounded()
				.buildPool();
	}

	@Override
	protected Mono<Void> doBegin(TransactionSynchronizationManager synchronization, Object transaction,
			TransactionDefinition definition) {
		return slots.acquire(limits.slotWait())
				.onErrorMap(PoolAcquireTimeoutException.class, ex -> new TransactionTimedOutException(
						"No transaction slot within " + limits.slotWait().toMillis() + " ms", ex))
				.flatMap(slot -> {
					// The transaction object is the key: each new transaction, nested ones included, has its own.
					synchronization.bindResource(transaction, slot);
					return super.doBegin(synchronization, transaction, definition)
							.doOnError(ex -> release(synchronization, transaction))
							.doOnCancel(() -> release(synchronization, transaction));
				});
	}

	@Override
	protected Mono<Void> doCleanupAfterCompletion(TransactionSynchronizationManager synchronization,
			Object transaction) {
		return super.doCleanupAfterCompletion(synchronization, transaction)
				.doFinally(signal -> release(synchronization, transaction));
	}

	private static void release(TransactionSynchronizationManager synchronization, Object transaction) {
		if (synchronization.unbindResourceIfPossible(transaction) instanceof PooledRef<?> slot) {
			slot.release().subscribe();
		}
	}

	@Override
	protected Mono<Void> prepareTransactionalConnection(Connection connection, TransactionDefinition definition) {
		return super.prepareTransactionalConnection(connection, definition)
				.then(Mono.deferContextual(context -> RequestDeadline.of(context)
						.map(deadline -> statementTimeout(connection, shorter(deadline.remaining())))
						.orElse(Mono.empty())));
	}

	private Duration shorter(Duration remaining) {
		// At least a millisecond: zero would mean no limit at all.
		Duration limit = remaining.compareTo(limits.statementTimeout()) < 0 ? remaining : limits.statementTimeout();
		return limit.isZero() ? Duration.ofMillis(1) : limit;
	}

	private static Mono<Void> statementTimeout(Connection connection, Duration limit) {
		return Mono.from(connection.createStatement("SELECT set_config('statement_timeout', $1, true)")
				.bind("$1", limit.toMillis() + "ms").execute())
				.flatMapMany(result -> result.map(row -> 1))
				.then();
	}
}
