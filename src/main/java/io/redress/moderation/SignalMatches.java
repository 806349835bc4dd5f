package io.redress.moderation;

import java.time.Duration;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The complaints each signal rule finds, read from the complaint and account modules' published views: when an
 * account was first seen ({@code account_profiles.created_at}, stamped by the database, never by a caller), and when
 * a complaint was filed, resolved and rated ({@code complaint_outcomes}). Times are the database's, so applying the
 * same event again finds the same complaints.
 */
@Repository
class SignalMatches {

	/** The most complaints one hit holds: a cluster or a burst is bounded, like every read. */
	static final int MAX_HELD = 200;

	/** The complaint, when it was resolved and rated highly within {@code within} of filing by a new account. */
	private static final String QUICK_PERFECT_RESOLUTION = """
			SELECT o.complaint_id, o.brand_id, o.consumer_id
			FROM complaint_outcomes o JOIN account_profiles p ON p.profile_id = o.consumer_id
			WHERE o.complaint_id = :complaintId AND o.status = 'RESOLVED' AND o.stars >= :highStars
			  AND o.rated_at <= o.created_at + :withinSeconds * interval '1 second'
			  AND o.created_at - p.created_at < :accountAgeSeconds * interval '1 second'""";

	/**
	 * The brand's complaints rated highly within {@code within} of filing by new accounts, rated in the window that
	 * ends at this complaint's rating; all of them when there are {@code count} or more and this complaint is one.
	 */
	private static final String PRAISE_CLUSTER = """
			WITH rated AS (
			  SELECT brand_id, rated_at FROM complaint_outcomes WHERE complaint_id = :complaintId),
			cluster AS (
			  SELECT o.complaint_id, o.brand_id, o.consumer_id
			  FROM rated r JOIN complaint_outcomes o ON o.brand_id = r.brand_id
			  JOIN account_profiles p ON p.profile_id = o.consumer_id
			  WHERE o.rated_at > r.rated_at - :windowSeconds * interval '1 second' AND o.rated_at <= r.rated_at
			    AND o.stars >= :highStars AND o.status <> 'WITHDRAWN'
			    AND o.rated_at <= o.created_at + :withinSeconds * interval '1 second'
			    AND o.created_at - p.created_at < :accountAgeSeconds * interval '1 second'
			  ORDER BY o.rated_at DESC, o.complaint_id DESC
			  LIMIT :limit)
			SELECT complaint_id, brand_id, consumer_id FROM cluster
			WHERE (SELECT count(*) FROM cluster) >= :count
			  AND EXISTS (SELECT 1 FROM cluster WHERE complaint_id = :complaintId)""";

	/**
	 * The brand's complaints filed by new accounts in the window that ends at this complaint's filing; all of them when
	 * there are {@code count} or more and this complaint is one.
	 */
	private static final String BURST = """
			WITH filed AS (
			  SELECT brand_id, created_at FROM complaint_outcomes WHERE complaint_id = :complaintId),
			burst AS (
			  SELECT o.complaint_id, o.brand_id, o.consumer_id
			  FROM filed f JOIN complaint_outcomes o ON o.brand_id = f.brand_id
			  JOIN account_profiles p ON p.profile_id = o.consumer_id
			  WHERE o.created_at > f.created_at - :windowSeconds * interval '1 second' AND o.created_at <= f.created_at
			    AND o.status <> 'WITHDRAWN'
			    AND o.created_at - p.created_at < :accountAgeSeconds * interval '1 second'
			  ORDER BY o.created_at DESC, o.complaint_id DESC
			  LIMIT :limit)
			SELECT complaint_id, brand_id, consumer_id FROM burst
			WHERE (SELECT count(*) FROM burst) >= :count
			  AND EXISTS (SELECT 1 FROM burst WHERE complaint_id = :complaintId)""";

	private final DatabaseClient db;

	SignalMatches(DatabaseClient db) {
		this.db = db;
	}

	Flux<Suspect> quickPerfectResolution(long complaintId, SignalSettings settings) {
		SignalSettings.QuickPerfectResolution rule = settings.quickPerfectResolution();
		return db.sql(QUICK_PERFECT_RESOLUTION).bind("complaintId", complaintId)
				.bind("highStars", settings.highStars()).bind("withinSeconds", seconds(rule.within()))
				.bind("accountAgeSeconds", seconds(rule.accountAge()))
				.map(SignalMatches::suspect).all();
	}

	Flux<Suspect> praiseCluster(long complaintId, SignalSettings settings) {
		SignalSettings.PraiseCluster rule = settings.praiseCluster();
		return db.sql(PRAISE_CLUSTER).bind("complaintId", complaintId).bind("highStars", settings.highStars())
				.bind("windowSeconds", seconds(rule.window())).bind("withinSeconds", seconds(rule.within()))
				.bind("accountAgeSeconds", seconds(rule.accountAge())).bind("count", rule.count())
				.bind("limit", Math.max(rule.count(), MAX_HELD))
				.map(SignalMatches::suspect).all();
	}

	Flux<Suspect> burst(long complaintId, SignalSettings settings) {
		SignalSettings.Burst rule = settings.burst();
		return db.sql(BURST).bind("complaintId", complaintId).bind("windowSeconds", seconds(rule.window()))
				.bind("accountAgeSeconds", seconds(rule.accountAge())).bind("count", rule.count())
				.bind("limit", Math.max(rule.count(), MAX_HELD))
				.map(SignalMatches::suspect).all();
	}

	private static double seconds(Duration duration) {
		return duration.toMillis() / 1000.0;
	}

	private static Suspect suspect(io.r2dbc.spi.Readable row) {
		return new Suspect(row.get("complaint_id", Long.class), row.get("brand_id", Long.class),
				row.get("consumer_id", Long.class));
	}

	/** A complaint a rule found: against which brand, filed by which profile. */
	record Suspect(long complaintId, long brandId, long consumerId) {
	}
}
