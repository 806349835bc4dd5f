package io.redress.score;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.redress.brand.BrandDirectory;
import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.realtime.Visibility;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Recomputes one brand's score inside the caller's transaction: stores it, makes it the day's snapshot, and, when it
 * shows anything new, appends a {@code SCORE_CHANGED} event carrying it, which commits with it.
 */
@Component
class ScoreRecomputation {

	private final Scores scores;
	private final EventLog events;
	private final BrandDirectory brands;

	ScoreRecomputation(Scores scores, EventLog events, BrandDirectory brands) {
		this.scores = scores;
		this.events = events;
		this.brands = brands;
	}

	Mono<Void> recompute(long brandId) {
		// PostgreSQL keeps microseconds: the same instant on both sides keeps the weights exact.
		Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
		return scores.lockBrand(brandId)
				.then(Mono.zip(scores.sums(brandId, now).map(sums -> ResolutionScoreFormula.score(sums, now)),
						scores.stored(List.of(brandId)).next().map(stored -> Optional.of(stored.score()))
								.defaultIfEmpty(Optional.empty())))
				.flatMap(computed -> {
					ResolutionScore score = computed.getT1();
					Mono<Void> saved = scores.save(brandId, score);
					return score.looksLike(computed.getT2().orElse(null)) ? saved : saved.then(announce(brandId, score));
				});
	}

	private Mono<Void> announce(long brandId, ResolutionScore score) {
		return brands.byId(brandId).flatMap(brand -> events.append(new NewEvent(ScoreEventType.SCORE_CHANGED, brandId, null, null,
				Visibility.PUBLIC, Map.of("slug", brand.slug(), "score", score))));
	}
}
