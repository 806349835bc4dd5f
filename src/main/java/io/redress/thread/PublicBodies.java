package io.redress.thread;

import java.time.Duration;

import io.redress.shared.ContinuousFlow;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Writes the public text (contact details masked) of messages that have none: those posted before threads were read
 * masked inside their statement, or written straight into the table. It runs soon after start-up and then every
 * minute, a batch at a time; posting and moderation write the public text themselves, so there is usually nothing to
 * do. Until a message's turn comes, readers outside the case get it masked by the reader instead.
 */
@Component
class PublicBodies extends ContinuousFlow {

	private static final int BATCH = 500;

	private final Messages messages;
	private final TransactionalOperator tx;

	PublicBodies(Messages messages, TransactionalOperator tx) {
		this.messages = messages;
		this.tx = tx;
	}

	@Override
	protected Flux<?> flow() {
		return Flux.interval(Duration.ofSeconds(1), Duration.ofMinutes(1)).onBackpressureDrop()
				.concatMap(tick -> maskWaiting());
	}

	/** Masks every message still waiting, a batch per transaction; how many it masked. */
	Mono<Long> maskWaiting() {
		return batch().expand(written -> written == BATCH ? batch() : Mono.empty()).reduce(0L, Long::sum);
	}

	private Mono<Long> batch() {
		return tx.transactional(messages.unmaskedBodies(BATCH).collectList()
				.flatMap(batch -> batch.isEmpty() ? Mono.just(0L) : messages.writePublicBodies(batch)));
	}

	@Override
	protected String description() {
		return "Masking messages' public text";
	}
}
