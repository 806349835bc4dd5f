package io.redress.insight;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Insights as SQL next to the data: each statement aggregates one brand's complaints of one period through the
 * complaint module's published views ({@code complaint_outcomes}, {@code complaint_follow_ups},
 * {@code complaint_partner_cases}), using the (brand_id, created_at) index, and returns a handful of rows. The
 * recurring themes are {@link ThemeQueries}'.
 */
@Repository
class InsightQueries {

	/** The period's complaints of the brand, in the view {@code o}. */
	private static final String PERIOD = "o.brand_id = :brandId AND o.created_at >= :from AND o.created_at < :to";

	private static final String HOURS = "extract(epoch FROM %s) / 3600";

	private static final String TOTALS = """
			SELECT count(*) AS filed,
			       count(*) FILTER (WHERE o.status = 'RESOLVED') AS resolved,
			       count(*) FILTER (WHERE o.status = 'UNRESOLVED') AS unresolved,
			       count(o.first_response_at) AS answered,
			       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY %1$s)
			           FILTER (WHERE o.first_response_at IS NOT NULL) AS first_response,
			       count(*) FILTER (WHERE o.status = 'RESOLVED' AND o.resolved_at IS NOT NULL) AS resolved_timed,
			       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY %2$s)
			           FILTER (WHERE o.status = 'RESOLVED' AND o.resolved_at IS NOT NULL) AS resolution,
			       count(o.stars) AS rated, count(*) FILTER (WHERE o.would_buy_again) AS would_buy_again,
			       ARRAY[count(*) FILTER (WHERE o.stars = 1), count(*) FILTER (WHERE o.stars = 2),
			             count(*) FILTER (WHERE o.stars = 3), count(*) FILTER (WHERE o.stars = 4),
			             count(*) FILTER (WHERE o.stars = 5)] AS stars
			FROM complaint_outcomes o WHERE %3$s""".formatted(HOURS.formatted("o.first_response_at - o.created_at"),
			HOURS.formatted("o.resolved_at - o.created_at"), PERIOD);

	private static final String BREAKDOWN = """
			SELECT o.category, o.status, count(*) AS n FROM complaint_outcomes o WHERE %s
			GROUP BY GROUPING SETS ((o.category), (o.status))
			ORDER BY n DESC, o.category, o.status""".formatted(PERIOD);

	/** Null while none was answered; served by the view's partial index on answered follow-ups per brand. */
	private static final String HELD = """
			SELECT (count(*) FILTER (WHERE f.held))::float8 / nullif(count(*), 0) AS rate
			FROM complaint_follow_ups f
			WHERE f.brand_id = :brandId AND f.answered_at IS NOT NULL AND f.answered_at >= :from AND f.answered_at < :to""";

	/** Buckets in UTC, from the one holding {@code from} to the one holding the period's last instant. */
	private static final String SERIES = """
			WITH filed AS (
			  SELECT date_trunc(:field, o.created_at AT TIME ZONE 'UTC') AS start, count(*) AS filed,
			         count(*) FILTER (WHERE o.status = 'RESOLVED') AS resolved,
			         percentile_cont(0.5) WITHIN GROUP (ORDER BY %s)
			             FILTER (WHERE o.first_response_at IS NOT NULL) AS first_response
			  FROM complaint_outcomes o WHERE %s GROUP BY 1)
			SELECT b.start AT TIME ZONE 'UTC' AS start, coalesce(f.filed, 0) AS filed,
			       coalesce(f.resolved, 0) AS resolved, f.first_response
			FROM generate_series(date_trunc(:field, :from::timestamptz AT TIME ZONE 'UTC'),
			                     :to::timestamptz AT TIME ZONE 'UTC' - interval '1 microsecond',
			                     ('1 ' || :field)::interval) AS b(start)
			LEFT JOIN filed f ON f.start = b.start
			ORDER BY b.start""".formatted(HOURS.formatted("o.first_response_at - o.created_at"), PERIOD);

	/** First responses by who sent them; resolutions by whom the case was assigned to; bounded to 100 members. */
	private static final String AGENTS = """
			WITH answered AS (
			  SELECT o.first_response_by AS subject, count(*) AS answered,
			         percentile_cont(0.5) WITHIN GROUP (ORDER BY %s) AS first_response
			  FROM complaint_outcomes o WHERE %s AND o.first_response_by IS NOT NULL GROUP BY 1),
			resolved AS (
			  SELECT o.assignee AS subject, count(*) AS resolved
			  FROM complaint_outcomes o WHERE %s AND o.assignee IS NOT NULL AND o.status = 'RESOLVED' GROUP BY 1)
			SELECT subject, coalesce(a.answered, 0) AS answered, coalesce(r.resolved, 0) AS resolved, a.first_response
			FROM answered a FULL JOIN resolved r USING (subject)
			ORDER BY coalesce(a.answered, 0) + coalesce(r.resolved, 0) DESC, subject
			LIMIT 100""".formatted(HOURS.formatted("o.first_response_at - o.created_at"), PERIOD, PERIOD);

	/** The brand as a partner: the cases it was brought into during the period, and how fast it answered in them. */
	private static final String AS_PARTNER = """
			SELECT count(*) AS involved, count(*) FILTER (WHERE p.status = 'DECLINED') AS declined,
			       count(p.first_response_at) AS answered,
			       percentile_cont(ARRAY[0.5, 0.9]) WITHIN GROUP (ORDER BY %s)
			           FILTER (WHERE p.first_response_at IS NOT NULL) AS first_response
			FROM complaint_partner_cases p
			WHERE p.partner_brand_id = :brandId AND p.joined_at >= :from AND p.joined_at < :to"""
			.formatted(HOURS.formatted("p.first_response_at - p.joined_at"));

	private final DatabaseClient db;

	InsightQueries(DatabaseClient db) {
		this.db = db;
	}

	Mono<InsightTotals> totals(InsightPeriod period) {
		return bound(TOTALS, period).map(row -> {
			Long[] stars = row.get("stars", Long[].class);
			List<InsightTotals.StarCount> distribution = IntStream.range(0, 5)
					.mapToObj(i -> new InsightTotals.StarCount(i + 1, stars[i])).toList();
			return new InsightTotals(count(row, "filed"), count(row, "resolved"), count(row, "unresolved"),
					percentiles(row, "first_response", "answered"), percentiles(row, "resolution", "resolved_timed"),
					distribution, count(row, "rated"), count(row, "would_buy_again"));
		}).one();
	}

	/** One statement, two grouping sets: a row grouped by category has no status, and one by status no category. */
	Mono<InsightRows.Breakdown> breakdown(InsightPeriod period) {
		return bound(BREAKDOWN, period).map(row -> new Grouped(row.get("category", String.class),
				row.get("status", String.class), count(row, "n"))).all().collectList()
				.map(rows -> new InsightRows.Breakdown(
						rows.stream().filter(row -> row.category() != null)
								.map(row -> new InsightRows.Count(row.category(), row.count())).toList(),
						rows.stream().filter(row -> row.category() == null)
								.map(row -> new InsightRows.Count(row.status(), row.count())).toList()));
	}

	private record Grouped(String category, String status, long count) {
	}

	Flux<InsightRows.Point> series(InsightPeriod period) {
		return bound(SERIES, period).bind("field", period.granularity().field())
				.map(row -> new InsightRows.Point(row.get("start", OffsetDateTime.class), count(row, "filed"),
						count(row, "resolved"), row.get("first_response", Double.class)))
				.all();
	}

	Flux<InsightRows.Agent> agents(InsightPeriod period) {
		return bound(AGENTS, period)
				.map(row -> new InsightRows.Agent(row.get("subject", String.class), count(row, "answered"),
						count(row, "resolved"), row.get("first_response", Double.class)))
				.all();
	}

	Mono<InsightRows.AsPartner> asPartner(InsightPeriod period) {
		return bound(AS_PARTNER, period)
				.map(row -> new InsightRows.AsPartner(count(row, "involved"), count(row, "declined"),
						count(row, "answered"), percentiles(row, "first_response", "answered")))
				.one();
	}

	/** The follow-ups answered in the period (the complaint module's view) and the share that said it held. */
	Mono<Double> heldRate(InsightPeriod period) {
		return bound(HELD, period).map(row -> Optional.ofNullable(row.get("rate", Double.class))).one()
				.flatMap(Mono::justOrEmpty);
	}

	private DatabaseClient.GenericExecuteSpec bound(String sql, InsightPeriod period) {
		return bound(db, sql, period);
	}

	/** {@code sql} with the period's brand and bounds bound as {@code :brandId}, {@code :from} and {@code :to}. */
	static DatabaseClient.GenericExecuteSpec bound(DatabaseClient db, String sql, InsightPeriod period) {
		return db.sql(sql).bind("brandId", period.brandId()).bind("from", period.from()).bind("to", period.to());
	}

	static long count(Readable row, String column) {
		Long value = row.get(column, Long.class);
		return value == null ? 0 : value;
	}

	private static Percentiles percentiles(Readable row, String column, String countColumn) {
		Double[] values = row.get(column, Double[].class);
		return values == null ? new Percentiles(null, null, count(row, countColumn))
				: new Percentiles(values[0], values[1], count(row, countColumn));
	}
}
