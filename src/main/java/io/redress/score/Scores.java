package io.redress.score;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

import io.r2dbc.postgresql.codec.Json;
import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Stored scores, their daily snapshots, and the sums a score rests on. */
@Repository
class Scores {

	/**
	 * The formula's sums over one brand's complaints, aggregated next to the data: one row back, however many
	 * complaints. They are the sums {@link ResolutionScoreFormula#accumulate} folds, with the same rules (the window,
	 * no withdrawn, removed or held complaints but their count by reason, recency weights, the target-passed and open-past-30-days rules), in double precision,
	 * which also keeps it fast. It reads the complaint module's published view {@code complaint_outcomes}, never its
	 * tables.
	 */
	private static final String SUMS = """
			WITH windowed AS (
			  SELECT power(0.5::float8, greatest(0, date_part('epoch', :now - created_at)) / :halfLife) AS w,
			         status, created_at, first_response_at, first_response_due_at, stars, would_buy_again,
			         excluded_reason
			  FROM complaint_outcomes
			  WHERE brand_id = :brandId AND created_at >= :since),
			counted AS (SELECT * FROM windowed WHERE excluded_reason IS NULL)
			SELECT count(*) AS counted,
			       (SELECT count(*) FROM windowed WHERE excluded_reason = 'WITHDRAWN') AS excluded_withdrawn,
			       (SELECT count(*) FROM windowed WHERE excluded_reason = 'REMOVED') AS excluded_removed,
			       (SELECT count(*) FROM windowed WHERE excluded_reason = 'UNDER_REVIEW') AS excluded_under_review,
			       count(stars) AS rated,
			       coalesce(sum(w) FILTER (WHERE first_response_at <= first_response_due_at), 0) AS in_time_hits,
			       coalesce(sum(w) FILTER (WHERE first_response_at IS NOT NULL OR first_response_due_at <= :now), 0)
			           AS in_time_weights,
			       count(*) FILTER (WHERE first_response_at IS NOT NULL OR first_response_due_at <= :now) AS in_time_count,
			       coalesce(sum(w) FILTER (WHERE status = 'RESOLVED'), 0) AS resolved_hits,
			       coalesce(sum(w) FILTER (WHERE status IN ('RESOLVED', 'UNRESOLVED') OR created_at < :stalledBefore), 0)
			           AS resolved_weights,
			       count(*) FILTER (WHERE status IN ('RESOLVED', 'UNRESOLVED') OR created_at < :stalledBefore)
			           AS resolved_count,
			       coalesce(sum(w * (stars - 1) / 4.0::float8) FILTER (WHERE stars IS NOT NULL), 0) AS rating_hits,
			       coalesce(sum(w) FILTER (WHERE stars IS NOT NULL), 0) AS rating_weights,
			       coalesce(sum(w) FILTER (WHERE would_buy_again), 0) AS again_hits,
			       percentile_cont(0.5) WITHIN GROUP (
			           ORDER BY greatest(0, date_part('epoch', first_response_at - created_at)) / 3600.0::float8)
			           FILTER (WHERE first_response_at IS NOT NULL) AS median_hours
			FROM counted""";

	private static final String SAVE = """
			INSERT INTO brand_scores (brand_id, value, tier, rated_count, score, computed_at)
			VALUES (:brandId, :value, :tier, :ratedCount, :score, :computedAt)
			ON CONFLICT (brand_id) DO UPDATE SET value = EXCLUDED.value, tier = EXCLUDED.tier,
			    rated_count = EXCLUDED.rated_count, score = EXCLUDED.score, computed_at = EXCLUDED.computed_at""";

	private static final String SNAPSHOT = """
			INSERT INTO score_snapshots (brand_id, day, value, low, high, tier, rated_count)
			VALUES (:brandId, :day, :value, :low, :high, :tier, :ratedCount)
			ON CONFLICT (brand_id, day) DO UPDATE SET value = EXCLUDED.value, low = EXCLUDED.low,
			    high = EXCLUDED.high, tier = EXCLUDED.tier, rated_count = EXCLUDED.rated_count""";

	private static final String STORED = """
			SELECT brand_id, score::text AS score FROM brand_scores WHERE brand_id = ANY(:brandIds)""";

	private static final String HISTORY = """
			SELECT brand_id, day, value, low, high, tier, rated_count FROM score_snapshots
			WHERE brand_id = ANY(:brandIds) AND day > :since
			ORDER BY brand_id, day""";

	/**
	 * Brands whose score was not computed today (UTC), or never although they have complaints: the daily refresh
	 * takes them a page at a time. {@code NO KEY UPDATE} keeps other nodes off the same brands without blocking the
	 * complaints that reference them.
	 */
	private static final String STALE = """
			SELECT b.brand_id AS id FROM brand_listing b LEFT JOIN brand_scores s ON s.brand_id = b.brand_id
			WHERE (s.brand_id IS NULL AND EXISTS (SELECT 1 FROM complaint_outcomes c WHERE c.brand_id = b.brand_id))
			   OR s.computed_at < :startOfDay
			ORDER BY b.brand_id
			LIMIT :limit
			FOR NO KEY UPDATE OF b SKIP LOCKED""";

	/** Recomputations of one brand happen one at a time, so a slower one never overwrites a newer result. */
	private static final String LOCK_BRAND = "SELECT pg_advisory_xact_lock(:space, :brandId::int) AS locked";

	/** The advisory-lock key space of score recomputations (any constant other features do not use). */
	private static final int LOCK_SPACE = 0x5C0;

	private final DatabaseClient db;
	private final JsonMapper json;

	Scores(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	/** The formula's sums over the brand's complaints at {@code now} (to the microsecond, as PostgreSQL keeps time). */
	Mono<ScoreSums> sums(long brandId, Instant now) {
		OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
		return db.sql(SUMS).bind("brandId", brandId).bind("now", at)
				.bind("since", at.minus(ResolutionScoreFormula.WINDOW))
				.bind("stalledBefore", at.minus(ResolutionScoreFormula.STALL_LIMIT))
				.bind("halfLife", (double) ResolutionScoreFormula.HALF_LIFE.toSeconds())
				.map(row -> {
					int rated = number(row, "rated").intValue();
					return new ScoreSums(
							component(row, "in_time_hits", "in_time_weights", "in_time_count"),
							component(row, "resolved_hits", "resolved_weights", "resolved_count"),
							component(row, "rating_hits", "rating_weights", rated),
							new ScoreSums.Component(number(row, "again_hits").doubleValue(),
									number(row, "rating_weights").doubleValue(), rated),
							number(row, "counted").intValue(), rated, row.get("median_hours", Double.class),
							excluded(row));
				})
				.one();
	}

	/** The window's complaints left out, by reason; reasons with none are absent, as the formula folds them. */
	private static Map<ScoreExclusion, Integer> excluded(Readable row) {
		Map<ScoreExclusion, Integer> excluded = new EnumMap<>(ScoreExclusion.class);
		for (ScoreExclusion reason : ScoreExclusion.values()) {
			int count = number(row, "excluded_" + reason.name().toLowerCase()).intValue();
			if (count > 0) {
				excluded.put(reason, count);
			}
		}
		return excluded;
	}

	private static ScoreSums.Component component(Readable row, String hits, String weights, String count) {
		return component(row, hits, weights, number(row, count).intValue());
	}

	private static ScoreSums.Component component(Readable row, String hits, String weights, int count) {
		return new ScoreSums.Component(number(row, hits).doubleValue(), number(row, weights).doubleValue(), count);
	}

	/** PostgreSQL sums doubles as double and counts as bigint; either way a number. */
	private static Number number(Readable row, String column) {
		return row.get(column, Number.class);
	}

	/** Stores a brand's score and makes it that day's snapshot. */
	Mono<Void> save(long brandId, ResolutionScore score) {
		OffsetDateTime computedAt = score.computedAt().atOffset(ZoneOffset.UTC);
		return db.sql(SAVE).bind("brandId", brandId).bind("value", score.value()).bind("tier", score.tier().name())
				.bind("ratedCount", score.ratedCount()).bind("score", Json.of(json.writeValueAsString(score)))
				.bind("computedAt", computedAt).then()
				.then(db.sql(SNAPSHOT).bind("brandId", brandId).bind("day", computedAt.toLocalDate())
						.bind("value", score.value()).bind("low", score.low()).bind("high", score.high())
						.bind("tier", score.tier().name()).bind("ratedCount", score.ratedCount()).then());
	}

	/** Stored scores of a batch of brands: one statement. Brands never scored are absent. */
	Flux<StoredScore> stored(Collection<Long> brandIds) {
		return db.sql(STORED).bind("brandIds", brandIds.toArray(Long[]::new))
				.map(row -> new StoredScore(row.get("brand_id", Long.class),
						json.readValue(row.get("score", String.class), ResolutionScore.class)))
				.all();
	}

	/** Snapshots after {@code since} of a batch of brands, oldest first: one statement. */
	Flux<ScoreSnapshot> history(Collection<Long> brandIds, LocalDate since) {
		return db.sql(HISTORY).bind("brandIds", brandIds.toArray(Long[]::new)).bind("since", since)
				.map(row -> new ScoreSnapshot(row.get("brand_id", Long.class), row.get("day", LocalDate.class),
						row.get("value", Double.class), row.get("low", Double.class), row.get("high", Double.class),
						ScoreTier.valueOf(row.get("tier", String.class)), row.get("rated_count", Integer.class)))
				.all();
	}

	/** Up to {@code limit} brands due for the daily refresh, locked for the caller's transaction. */
	Flux<Long> claimStale(OffsetDateTime startOfDay, int limit) {
		return db.sql(STALE).bind("startOfDay", startOfDay).bind("limit", limit)
				.map(row -> row.get("id", Long.class)).all();
	}

	Mono<Void> lockBrand(long brandId) {
		return db.sql(LOCK_BRAND).bind("space", LOCK_SPACE).bind("brandId", (int) brandId).then();
	}

	/** A brand's stored score. */
	record StoredScore(long brandId, ResolutionScore score) {
	}
}
