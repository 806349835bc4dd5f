package io.redress.shared;

import java.time.Duration;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Writes a column derived from another (a masked copy of a text, say) for the rows that lack it: those written before
 * the column existed, or straight into the table. It runs soon after start-up and then every minute, a batch per
 * transaction; the code that writes such rows writes the column too, so there is usually nothing to do.
 */
public abstract class Backfill extends ContinuousFlow {

	private final TransactionalOperator tx;
	private final int batch;

	protected Backfill(TransactionalOperator tx, int batch) {
		this.tx = tx;
		this.batch = batch;
	}

	/** Fills at most {@code limit} rows still waiting, inside the caller's transaction; how many it filled. */
	protected abstract Mono<Long> fill(int limit);

	@Override
	protected final Flux<?> flow() {
		return Flux.interval(Duration.ofSeconds(1), Duration.ofMinutes(1)).onBackpressureDrop()
				.concatMap(tick -> fillWaiting());
	}

	/** Fills every row still waiting, a batch per transaction; how many it filled. */
	public Mono<Long> fillWaiting() {
		return nextBatch().expand(filled -> filled == batch ? nextBatch() : Mono.empty()).reduce(0L, Long::sum);
	}

	private Mono<Long> nextBatch() {
		return tx.transactional(fill(batch));
	}
}
