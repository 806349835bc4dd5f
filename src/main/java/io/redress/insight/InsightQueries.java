package io.redress.insight;

import java.time.OffsetDateTime;
import java.util.Arrays;
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
 * complaint module's published views ({@code complaint_outcomes}, {@code complaint_phrase_tallies},
 * {@code complaint_phrase_uses}, {@code complaint_partner_cases}), using the (brand_id, created_at) index, and returns
 * a handful of rows.
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

	/**
	 * Terms and two-word phrases that rose most against the previous period, from what the complaint module extracted
	 * when each text was written ({@code complaint_phrase_tallies}: complaints per brand, term and UTC day or month;
	 * {@code complaint_phrase_uses}: each complaint's terms, as written). Each period is read as its {@link TallyCover}:
	 * months plus or minus days from the counters, the parts of days at its ends complaint by complaint. Candidates are the
	 * terms in at least {@code :least} of the period's complaints, more than in the previous period; a word is left out
	 * when a rising phrase that holds it accounts for at least half its rise (the phrase says more). Each theme's
	 * newest complaints, and the words as the newest of them wrote them, come from the uses' (brand, term) index.
	 */
	private static final String THEMES = """
			WITH counted AS (
			  SELECT x.term, coalesce(sum(x.n) FILTER (WHERE x.current), 0) AS n,
			         coalesce(sum(x.n) FILTER (WHERE NOT x.current), 0) AS previous
			  FROM (%s
			        UNION ALL %s) x
			  GROUP BY x.term),
			candidates AS (
			  SELECT c.term, c.n, c.previous, strpos(c.term, ' ') > 0 AS phrase FROM counted c
			  WHERE c.n >= :least AND c.n > c.previous
			  ORDER BY c.n - c.previous DESC, c.n DESC, c.term
			  LIMIT :candidates),
			rising AS (
			  SELECT w.term, w.n, w.previous FROM candidates w
			  WHERE w.phrase OR NOT EXISTS (
			    SELECT 1 FROM candidates p
			    WHERE p.phrase AND w.term IN (split_part(p.term, ' ', 1), split_part(p.term, ' ', 2))
			      AND 2 * (p.n - p.previous) >= w.n - w.previous)
			  ORDER BY w.n - w.previous DESC, w.n DESC, w.term
			  LIMIT :limit)
			SELECT r.term AS stem, r.n, r.previous, s.ids, s.surfaces[1] AS term
			FROM rising r CROSS JOIN LATERAL (
			  SELECT array_agg(x.complaint_id ORDER BY x.created_at DESC, x.complaint_id DESC) AS ids,
			         array_agg(x.surface ORDER BY x.created_at DESC, x.complaint_id DESC) AS surfaces
			  FROM (SELECT u.complaint_id, u.created_at, u.surface FROM complaint_phrase_uses u
			        WHERE u.brand_id = :brandId AND u.term = r.term AND u.created_at >= :from AND u.created_at < :to
			        ORDER BY u.created_at DESC, u.complaint_id DESC LIMIT :examples) x) s
			ORDER BY r.n - r.previous DESC, r.n DESC, r.term""";

	/**
	 * One period's terms, {@code current} or not, as its {@link TallyCover} reads them: each piece a range of the
	 * counters' (brand, unit, start) key or of the complaints' (brand, created_at) index.
	 */
	private static final String COVERED = """
			SELECT t.term, t.complaints AS n, %1$s AS current FROM complaint_phrase_tallies t
			        WHERE t.brand_id = :brandId AND t.unit = 'month'
			          AND t.starts >= :%2$sMonths AND t.starts < :%2$sMonthsEnd
			        UNION ALL
			        SELECT t.term, t.complaints * :%2$sBeforeSign, %1$s FROM complaint_phrase_tallies t
			        WHERE t.brand_id = :brandId AND t.unit = 'day'
			          AND t.starts >= :%2$sBefore AND t.starts < :%2$sBeforeEnd
			        UNION ALL
			        SELECT t.term, t.complaints * :%2$sAfterSign, %1$s FROM complaint_phrase_tallies t
			        WHERE t.brand_id = :brandId AND t.unit = 'day'
			          AND t.starts >= :%2$sAfter AND t.starts < :%2$sAfterEnd
			        UNION ALL
			        SELECT u.term, 1, %1$s
			        FROM complaint_outcomes o JOIN complaint_phrase_uses u ON u.complaint_id = o.complaint_id
			        WHERE o.brand_id = :brandId AND (o.created_at >= :%2$sHead AND o.created_at < :%2$sHeadEnd
			          OR o.created_at >= :%2$sTail AND o.created_at < :%2$sTailEnd)""";

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

	private static final String THEMES_SQL = THEMES.formatted(COVERED.formatted("true", "this"),
			COVERED.formatted("false", "last"));

	/** Themes returned, and complaints named for each. */
	static final int THEMES_LIMIT = 10;
	static final int EXAMPLES = 3;
	/** A term must be in at least this many of the period's complaints to be a theme. */
	static final int THEME_LEAST = 2;
	/** The terms that rose most, among which phrases stand in for their words before the themes are cut. */
	static final int THEME_CANDIDATES = 50;

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

	Flux<InsightRows.Theme> themes(InsightPeriod period) {
		DatabaseClient.GenericExecuteSpec spec = bound(THEMES_SQL, period).bind("least", THEME_LEAST)
				.bind("candidates", THEME_CANDIDATES).bind("limit", THEMES_LIMIT).bind("examples", EXAMPLES);
		spec = covered(spec, "this", TallyCover.of(period.from(), period.to()));
		spec = covered(spec, "last", TallyCover.of(period.previousFrom(), period.from()));
		return spec.map(row -> new InsightRows.Theme(row.get("term", String.class), row.get("stem", String.class),
				count(row, "n"), count(row, "previous"), count(row, "n") - count(row, "previous"),
				Arrays.asList(row.get("ids", Long[].class)))).all();
	}

	/** Binds one period's cover as {@code :thisMonths}, {@code :thisMonthsEnd} and so on, each name after {@code prefix}. */
	private static DatabaseClient.GenericExecuteSpec covered(DatabaseClient.GenericExecuteSpec spec, String prefix,
			TallyCover cover) {
		return spec.bind(name(prefix, "months"), cover.months().since())
				.bind(name(prefix, "monthsEnd"), cover.months().until())
				.bind(name(prefix, "before"), cover.before().range().since())
				.bind(name(prefix, "beforeEnd"), cover.before().range().until())
				.bind(name(prefix, "beforeSign"), cover.before().sign())
				.bind(name(prefix, "after"), cover.after().range().since())
				.bind(name(prefix, "afterEnd"), cover.after().range().until())
				.bind(name(prefix, "afterSign"), cover.after().sign())
				.bind(name(prefix, "head"), cover.head().since()).bind(name(prefix, "headEnd"), cover.head().until())
				.bind(name(prefix, "tail"), cover.tail().since()).bind(name(prefix, "tailEnd"), cover.tail().until());
	}

	private static String name(String prefix, String name) {
		return prefix + Character.toUpperCase(name.charAt(0)) + name.substring(1);
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
		return db.sql(sql).bind("brandId", period.brandId()).bind("from", period.from()).bind("to", period.to());
	}

	private static long count(Readable row, String column) {
		Long value = row.get(column, Long.class);
		return value == null ? 0 : value;
	}

	private static Percentiles percentiles(Readable row, String column, String countColumn) {
		Double[] values = row.get(column, Double[].class);
		return values == null ? new Percentiles(null, null, count(row, countColumn))
				: new Percentiles(values[0], values[1], count(row, countColumn));
	}
}
