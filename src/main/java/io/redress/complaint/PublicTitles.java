package io.redress.complaint;

import io.redress.shared.Backfill;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Writes the public title (contact details masked) of complaints that have none: those filed before search matched
 * public titles only, or written straight into the table. It runs soon after start-up and then every minute, a batch
 * at a time; filing writes the public title itself, so there is usually nothing to do.
 */
@Component
class PublicTitles extends Backfill {

	private final Complaints complaints;

	PublicTitles(Complaints complaints, TransactionalOperator tx) {
		super(tx, 500);
		this.complaints = complaints;
	}

	@Override
	protected Mono<Long> fill(int limit) {
		return complaints.unmaskedTitles(limit).collectList()
				.flatMap(batch -> batch.isEmpty() ? Mono.just(0L) : complaints.writePublicTitles(batch));
	}

	@Override
	protected String description() {
		return "Masking complaints' public titles";
	}
}
