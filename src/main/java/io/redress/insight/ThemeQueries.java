package io.redress.insight;

import static io.redress.insight.InsightQueries.count;

import java.util.Arrays;

import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * A brand's recurring themes in a period: the terms and phrases of its complaints that rose most against the previous
 * period, added up from the counters the complaint module keeps as texts are written ({@code complaint_phrase_tallies},
 * {@code complaint_phrase_uses}), in one statement.
 */
@Repository
class ThemeQueries {

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

	ThemeQueries(DatabaseClient db) {
		this.db = db;
	}

	Flux<InsightRows.Theme> of(InsightPeriod period) {
		DatabaseClient.GenericExecuteSpec spec = InsightQueries.bound(db, THEMES_SQL, period)
				.bind("least", THEME_LEAST).bind("candidates", THEME_CANDIDATES).bind("limit", THEMES_LIMIT).bind("examples", EXAMPLES);
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
}
