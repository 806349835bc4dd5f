package io.redress.complaint;

import java.time.Duration;

import io.redress.shared.ContinuousFlow;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Writes the public title (contact details masked) of complaints that have none: those filed before search matched
 * public titles only, or written straight into the table. It runs soon after start-up and then every minute, a batch
 * at a time; filing writes the public title itself, so there is usually nothing to do.
 */
@Component
class PublicTitles extends ContinuousFlow {

	private static final int BATCH = 500;

	private final Complaints complaints;
	private final TransactionalOperator tx;

	PublicTitles(Complaints complaints, TransactionalOperator tx) {
		this.complaints = complaints;
		this.tx = tx;
	}

	@Override
	protected Flux<?> flow() {
		return Flux.interval(Duration.ofSeconds(1), Duration.ofMinutes(1)).onBackpressureDrop()
				.concatMap(tick -> maskWaiting());
	}

	/** Masks every complaint still waiting, a batch per transaction; how many it masked. */
	Mono<Long> maskWaiting() {
		return batch().expand(written -> written == BATCH ? batch() : Mono.empty()).reduce(0L, Long::sum);
	}

	private Mono<Long> batch() {
		return tx.transactional(complaints.unmaskedTitles(BATCH).collectList()
				.flatMap(batch -> batch.isEmpty() ? Mono.just(0L) : complaints.writePublicTitles(batch)));
	}

	@Override
	protected String description() {
		return "Masking complaints' public titles";
	}
}
