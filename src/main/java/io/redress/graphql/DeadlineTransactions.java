package io.redress.graphql;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.transaction.TransactionException;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.reactive.TransactionCallback;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The transactional operator every module uses: a transaction opened for a request must finish its work by the
 * request's deadline. Past it, the work is cancelled and fails with {@link TransactionTimedOutException} inside the
 * transaction, so it is rolled back before the error leaves, and the answer (TIMEOUT, "nothing was saved") is true.
 * The commit itself is never interrupted: work that finished in time commits, and its answer waits for the commit.
 */
class DeadlineTransactions implements TransactionalOperator {

	/**
	 * The work's name, for Reactor's timeout: unnamed, each subscription of a timeout walks the whole chain above it
	 * for a name and, finding none, derives one from an operator's class name with a regular expression, for a
	 * description only a timeout without a fallback shows (as {@code RequestPolicy}'s backstop did on every request).
	 * Ours has one, the rollback's error.
	 */
	private static final String WORK = "transaction work";

	private final TransactionalOperator transactions;

	DeadlineTransactions(TransactionalOperator transactions) {
		this.transactions = transactions;
	}

	@Override
	public <T> Flux<T> transactional(Flux<T> flux) {
		return execute(status -> flux);
	}

	@Override
	public <T> Mono<T> transactional(Mono<T> mono) {
		return transactions.transactional(Mono.deferContextual(context -> RequestDeadline.of(context)
				.map(deadline -> mono.name(WORK).timeout(deadline.remaining(), Mono.error(DeadlineTransactions::stopped)))
				.orElse(mono)));
	}

	@Override
	public <T> Flux<T> execute(TransactionCallback<T> action) throws TransactionException {
		return transactions.execute(status -> Flux.deferContextual(context -> RequestDeadline.of(context)
				// Each item's wait is what is left of the same deadline: it bounds the whole stream, not one gap.
				.map(deadline -> Flux.from(action.doInTransaction(status)).name(WORK)
						.timeout(Mono.delay(deadline.remaining()), item -> Mono.delay(deadline.remaining()),
								Flux.error(DeadlineTransactions::stopped)))
				.orElseGet(() -> Flux.from(action.doInTransaction(status)))));
	}

	private static TransactionTimedOutException stopped() {
		return new TransactionTimedOutException("The request's deadline passed; the transaction was rolled back");
	}
}
