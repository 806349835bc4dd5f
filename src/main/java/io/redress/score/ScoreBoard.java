package io.redress.score;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.redress.brand.Brand;
import io.redress.realtime.EventFilter;
import io.redress.realtime.EventStreams;
import io.redress.realtime.StoredEvent;
import io.redress.shared.BadRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Reading scores, for everyone: scores are public. Reads serve the stored score and never compute one; a brand
 * nobody has complained about yet has the score of no complaints, as of the day it joined.
 */
@NamedInterface("read")
@Service
public class ScoreBoard {

	public static final int MAX_HISTORY_DAYS = 365;

	private final Scores scores;
	private final EventStreams streams;
	private final JsonMapper json;

	ScoreBoard(Scores scores, EventStreams streams, JsonMapper json) {
		this.scores = scores;
		this.streams = streams;
		this.json = json;
	}

	/** The scores of a batch of brands: one statement. */
	public Mono<Map<Brand, ResolutionScore>> scores(List<Brand> batch) {
		return scores.stored(batch.stream().map(Brand::id).distinct().toList())
				.collectMap(Scores.StoredScore::brandId, Scores.StoredScore::score)
				.map(stored -> {
					Map<Brand, ResolutionScore> result = new LinkedHashMap<>();
					batch.forEach(brand -> {
						ResolutionScore score = stored.get(brand.id());
						result.put(brand, score != null ? score : unscored(brand));
					});
					return result;
				});
	}

	public Mono<ResolutionScore> of(Brand brand) {
		return scores(List.of(brand)).map(byBrand -> byBrand.get(brand));
	}

	/** Daily snapshots of each brand over the last {@code days} days, oldest first: one statement for the batch. */
	public Mono<Map<Long, List<ScoreSnapshot>>> history(Set<Long> brandIds, int days) {
		if (days < 1 || days > MAX_HISTORY_DAYS) {
			return Mono.error(new BadRequestException("days must be between 1 and " + MAX_HISTORY_DAYS));
		}
		LocalDate since = LocalDate.now(ZoneOffset.UTC).minusDays(days);
		return scores.history(brandIds, since).collectMultimap(ScoreSnapshot::brandId).map(byBrand -> {
			Map<Long, List<ScoreSnapshot>> result = new LinkedHashMap<>();
			brandIds.forEach(id -> result.put(id, List.copyOf(byBrand.getOrDefault(id, List.of()))));
			return result;
		});
	}

	/** A brand's score changes as they commit; with {@code after} (a change's cursor), the missed ones first. */
	public Flux<ScoreChange> changes(Brand brand, String after) {
		return streams.follow(EventFilter.brand(brand.id()), after).filter(ScoreBoard::isScoreChange)
				.map(this::change);
	}

	/** Every brand's score changes from now on, for caches to drop what changed. */
	public Flux<ScoreChange> allChanges() {
		return streams.follow(EventFilter.ALL, null).filter(ScoreBoard::isScoreChange).map(this::change);
	}

	private ScoreChange change(StoredEvent event) {
		ChangedPayload payload = json.readValue(event.payload(), ChangedPayload.class);
		return new ScoreChange(event.cursor().encoded(), event.occurredAt(), event.brandId(), payload.slug(),
				payload.score());
	}

	private static boolean isScoreChange(StoredEvent event) {
		return event.is(ScoreEventType.SCORE_CHANGED);
	}

	static ResolutionScore unscored(Brand brand) {
		return ResolutionScoreFormula.score(List.of(), brand.createdAt().toInstant());
	}

	/** The payload of a SCORE_CHANGED event, as the score keeper writes it. */
	record ChangedPayload(String slug, ResolutionScore score) {
	}
}
