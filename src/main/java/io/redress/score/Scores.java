package io.redress.score;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;

import io.r2dbc.postgresql.codec.Json;
import io.redress.complaint.ComplaintStatus;
import io.redress.realtime.EventCursor;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** Stored scores, their daily snapshots, the score keeper's place in the event log, and the complaints a score reads. */
@Repository
class Scores {

	/** What the formula needs of a brand's complaints in the window, ratings included; one brand, one statement. */
	private static final String SCORED_COMPLAINTS = """
			SELECT c.created_at, c.status, c.first_response_at, c.first_response_due_at, r.stars, r.would_buy_again
			FROM complaints c LEFT JOIN ratings r ON r.complaint_id = c.id
			WHERE c.brand_id = :brandId AND c.created_at >= :since AND c.status <> 'WITHDRAWN'""";

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
			SELECT b.id FROM brands b LEFT JOIN brand_scores s ON s.brand_id = b.id
			WHERE (s.brand_id IS NULL AND EXISTS (SELECT 1 FROM complaints c WHERE c.brand_id = b.id))
			   OR s.computed_at < :startOfDay
			ORDER BY b.id
			LIMIT :limit
			FOR NO KEY UPDATE OF b SKIP LOCKED""";

	/** Recomputations of one brand happen one at a time, so a slower one never overwrites a newer result. */
	private static final String LOCK_BRAND = "SELECT pg_advisory_xact_lock(:space, :brandId::int) AS locked";

	private static final String LOCK_FEED = "SELECT xid, event_id FROM score_feed FOR UPDATE";

	private static final String ADVANCE_FEED = "UPDATE score_feed SET xid = :xid, event_id = :eventId";

	/** The advisory-lock key space of score recomputations (any constant other features do not use). */
	private static final int LOCK_SPACE = 0x5C0;

	private final DatabaseClient db;
	private final JsonMapper json;

	Scores(DatabaseClient db, JsonMapper json) {
		this.db = db;
		this.json = json;
	}

	Flux<ScoredComplaint> complaintsOf(long brandId, Instant since) {
		return db.sql(SCORED_COMPLAINTS).bind("brandId", brandId).bind("since", since.atOffset(ZoneOffset.UTC))
				.map(row -> new ScoredComplaint(instant(row.get("created_at", OffsetDateTime.class)),
						ComplaintStatus.valueOf(row.get("status", String.class)),
						instant(row.get("first_response_at", OffsetDateTime.class)),
						instant(row.get("first_response_due_at", OffsetDateTime.class)),
						row.get("stars", Integer.class), row.get("would_buy_again", Boolean.class)))
				.all();
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

	/** Where the score keeper stands in the log, locked for the caller's transaction. */
	Mono<EventCursor> lockFeed() {
		return db.sql(LOCK_FEED).map(row -> new EventCursor(row.get("xid", Long.class), row.get("event_id", Long.class)))
				.one();
	}

	/** Where the score keeper stands in the log, without a lock: where a node starts reading. */
	Mono<EventCursor> feedPosition() {
		return db.sql("SELECT xid, event_id FROM score_feed")
				.map(row -> new EventCursor(row.get("xid", Long.class), row.get("event_id", Long.class))).one();
	}

	Mono<Void> advanceFeed(EventCursor applied) {
		return db.sql(ADVANCE_FEED).bind("xid", applied.xid()).bind("eventId", applied.id()).then();
	}

	private static Instant instant(OffsetDateTime time) {
		return time == null ? null : time.toInstant();
	}

	/** A brand's stored score. */
	record StoredScore(long brandId, ResolutionScore score) {
	}
}
