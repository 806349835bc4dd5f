package io.redress.score;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Weights age every day, so every score is recomputed once a day even when nothing happens to the brand. Each run
 * takes the brands not yet computed today a page per transaction; nodes share the work, each taking brands no other
 * node holds.
 */
@Component
class DailyScoreRefresh {

	private static final int PAGE = 100;

	private static final Logger log = LoggerFactory.getLogger(DailyScoreRefresh.class);

	private final Scores scores;
	private final ScoreRecomputation recomputation;
	private final TransactionalOperator tx;
	private final ScoreSettings settings;

	DailyScoreRefresh(Scores scores, ScoreRecomputation recomputation, TransactionalOperator tx,
			ScoreSettings settings) {
		this.scores = scores;
		this.recomputation = recomputation;
		this.tx = tx;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "${redress.score.refresh-interval:1h}", initialDelayString = "10s")
	Mono<Void> refresh() {
		if (!settings.keeping()) {
			return Mono.empty();
		}
		return page()
				.expand(done -> done == PAGE ? page() : Mono.empty())
				.then()
				.onErrorResume(ex -> {
					log.warn("Refreshing scores failed ({}); the next run retries", ex.getMessage());
					return Mono.empty();
				});
	}

	private Mono<Integer> page() {
		return tx.transactional(scores.claimStale(LocalDate.now(ZoneOffset.UTC).atStartOfDay().atOffset(ZoneOffset.UTC),
				PAGE).collectList().flatMap(ids -> Flux.fromIterable(ids).concatMap(recomputation::recompute)
						.then(Mono.just(ids.size()))));
	}
}
