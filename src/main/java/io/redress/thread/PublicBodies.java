package io.redress.thread;

import io.redress.shared.Backfill;
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
class PublicBodies extends Backfill {

	private final Messages messages;

	PublicBodies(Messages messages, TransactionalOperator tx) {
		super(tx, 500);
		this.messages = messages;
	}

	@Override
	protected Mono<Long> fill(int limit) {
		return messages.unmaskedBodies(limit).collectList()
				.flatMap(batch -> batch.isEmpty() ? Mono.just(0L) : messages.writePublicBodies(batch));
	}

	@Override
	protected String description() {
		return "Masking messages' public text";
	}
}
