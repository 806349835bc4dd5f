package io.redress.bench;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.redress.complaint.ComplaintStatus;
import io.redress.realtime.EventLog;
import io.redress.complaint.ComplaintEventType;
import io.redress.realtime.NewEvent;
import io.redress.realtime.Visibility;
import io.redress.score.ResolutionScoreFormula;
import io.redress.score.ScoredComplaint;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Widget benchmark (not a test): badge requests per second against one server node, with and without a matching
 * {@code If-None-Match}; the cached brand page against the cached card; and what recomputing the score of a brand
 * with many complaints costs.
 *
 * <pre>
 * ./mvnw -q spring-boot:test-run -Dspring-boot.run.main-class=io.redress.bench.WidgetBenchmark \
 *   -Dspring-boot.run.arguments="64 10 100000"
 * </pre>
 * Arguments: concurrent connections, seconds per badge run, complaints of the big brand.
 */
public final class WidgetBenchmark {

	private static final String SEED_COMPLAINTS = """
			INSERT INTO complaints (brand_id, consumer_id, title, description, category, status, created_at,
			                        first_response_at, first_response_due_at)
			SELECT :brandId, :consumerId, 'Complaint ' || g, 'Generated for the benchmark', 'DELIVERY',
			       (ARRAY['OPEN','IN_PROGRESS','RESOLUTION_PROPOSED','RESOLVED','UNRESOLVED','WITHDRAWN'])[1 + g % 6],
			       now() - (g % 360) * interval '1 day',
			       CASE WHEN g % 5 <> 0 THEN now() - (g % 360) * interval '1 day' + (g % 72) * interval '1 hour' END,
			       now() - (g % 360) * interval '1 day' + interval '48 hours'
			FROM generate_series(1, :count) AS g""";

	private static final String SEED_RATINGS = """
			INSERT INTO ratings (complaint_id, brand_id, stars, would_buy_again)
			SELECT id, brand_id, 1 + id % 5, id % 3 <> 0 FROM complaints
			WHERE brand_id = :brandId AND status IN ('RESOLVED', 'UNRESOLVED')""";

	public static void main(String[] args) throws Exception {
		int concurrency = BenchArguments.arg(args, 0, 64);
		int seconds = BenchArguments.arg(args, 1, 10);
		int complaints = BenchArguments.arg(args, 2, 100_000);

		BenchServer bench = BenchServer.start(Map.of());
		bench.brand("bench-badge");
		HttpClient client = HttpClient.create(ConnectionProvider.builder("bench").maxConnections(concurrency)
				.pendingAcquireMaxCount(-1).build()).baseUrl("http://localhost:" + bench.port());
		String path = "/widgets/bench-badge/badge.svg";
		String etag = client.get().uri(path).response().map(response -> response.responseHeaders().get("ETag"))
				.block(Duration.ofSeconds(10));

		load(client, path, null, concurrency, 3);
		Run full = load(client, path, null, concurrency, seconds);
		load(client, path, etag, concurrency, 3);
		Run revalidated = load(client, path, etag, concurrency, seconds);
		// The public brand page against the iframe card, both cached on the node, in turns so neither gets the
		// warmer machine.
		String card = "/widgets/bench-badge";
		String page = "/brands/bench-badge";
		load(client, card, null, concurrency, 3);
		load(client, page, null, concurrency, 3);
		List<Run> cards = new ArrayList<>();
		List<Run> pages = new ArrayList<>();
		for (int turn = 0; turn < 2; turn++) {
			cards.add(load(client, card, null, concurrency, seconds));
			pages.add(load(client, page, null, concurrency, seconds));
		}

		long bigBrand = bench.brand("bench-big");
		long consumer = seed(bench.db(), bigBrand, complaints);
		List<Long> recomputations = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			recomputations.add(recompute(bench, bigBrand, consumer));
		}
		Collections.sort(recomputations);
		long formulaAlone = formulaAlone(complaints);

		System.out.printf("""
				Redress widget benchmark (one node, client in the same JVM, %d connections, %d s a run)
				  badge.svg, no If-None-Match        %,.0f requests/s  p50 %.1f ms  p99 %.1f ms  statuses %s
				  badge.svg, matching If-None-Match  %,.0f requests/s  p50 %.1f ms  p99 %.1f ms  statuses %s
				  card (iframe), cached              %s
				  brand page, cached                 %s
				  score recomputation, %,d complaints: min %d ms, median %d ms, max %d ms (commit of the event to stored score)
				  of which the formula alone, in memory: %d ms
				""", concurrency, seconds, full.perSecond(), full.percentile(50), full.percentile(99), full.statuses,
				revalidated.perSecond(), revalidated.percentile(50), revalidated.percentile(99), revalidated.statuses,
				summary(cards), summary(pages), complaints, recomputations.get(0), recomputations.get(2), recomputations.get(4), formulaAlone);
		bench.close();
		System.exit(0);
	}

	private static Run load(HttpClient client, String path, String etag, int concurrency, int seconds) {
		long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
		Run run = new Run(System.nanoTime());
		HttpClient conditional = etag == null ? client
				: client.headers(headers -> headers.set(HttpHeaderNames.IF_NONE_MATCH, etag));
		Flux.range(0, concurrency).flatMap(worker -> Mono.defer(() -> {
			long start = System.nanoTime();
			return conditional.get().uri(path).responseSingle((response, body) -> body.asByteArray()
					.defaultIfEmpty(new byte[0]).thenReturn(response.status().code()))
					.doOnNext(status -> run.record(status, System.nanoTime() - start));
		}).repeat(() -> System.nanoTime() < end), concurrency).blockLast();
		run.finish();
		return run;
	}

	/** Each run of a pair of turns: requests per second, p50 and p99, and the body's size. */
	private static String summary(List<Run> runs) {
		StringBuilder line = new StringBuilder();
		for (Run run : runs) {
			line.append(String.format("%,.0f requests/s  p50 %.1f ms  p99 %.1f ms  statuses %s;  ", run.perSecond(),
					run.percentile(50), run.percentile(99), run.statuses));
		}
		return line.toString();
	}

	private static long seed(DatabaseClient db, long brandId, int count) {
		long consumer = db.sql("INSERT INTO profiles (subject, public_name) VALUES ('bench-consumer', 'Bench') RETURNING id")
				.map(row -> row.get("id", Long.class)).one().block();
		db.sql(SEED_COMPLAINTS).bind("brandId", brandId).bind("consumerId", consumer).bind("count", count).then()
				.block();
		db.sql(SEED_RATINGS).bind("brandId", brandId).then().block();
		db.sql("ANALYZE complaints").then().block();
		return consumer;
	}

	/** Commits an event that moves the brand's score and waits until the recomputed score is stored. */
	private static long recompute(BenchServer bench, long brandId, long consumer) throws InterruptedException {
		DatabaseClient db = bench.db();
		OffsetDateTime before = storedAt(db, brandId);
		long start = System.nanoTime();
		bench.context().getBean(TransactionalOperator.class).transactional(bench.context().getBean(EventLog.class)
				.append(NewEvent.about(ComplaintEventType.COMPLAINT_FILED, brandId, 0L, consumer, Visibility.PUBLIC))).block();
		while (before != null && before.equals(storedAt(db, brandId)) || before == null && storedAt(db, brandId) == null) {
			Thread.sleep(2);
		}
		return Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	private static OffsetDateTime storedAt(DatabaseClient db, long brandId) {
		return db.sql("SELECT computed_at FROM brand_scores WHERE brand_id = :id").bind("id", brandId)
				.map(row -> row.get("computed_at", OffsetDateTime.class)).one().block();
	}

	private static long formulaAlone(int count) {
		Instant now = Instant.now();
		List<ScoredComplaint> complaints = new ArrayList<>(count);
		ComplaintStatus[] statuses = ComplaintStatus.values();
		for (int g = 1; g <= count; g++) {
			Instant created = now.minus(Duration.ofDays(g % 360));
			ComplaintStatus status = statuses[g % statuses.length];
			boolean rated = status.isRateable();
			complaints.add(new ScoredComplaint(created, status,
					g % 5 != 0 ? created.plus(Duration.ofHours(g % 72)) : null, created.plus(Duration.ofHours(48)),
					rated ? 1 + g % 5 : null, rated ? g % 3 != 0 : null));
		}
		long best = Long.MAX_VALUE;
		for (int i = 0; i < 5; i++) {
			long start = System.nanoTime();
			ResolutionScoreFormula.score(complaints, now);
			best = Math.min(best, System.nanoTime() - start);
		}
		return Duration.ofNanos(best).toMillis();
	}

	/** One load run: requests by status and their latencies. */
	private static final class Run {

		final Map<Integer, LongAdder> statuses = new ConcurrentHashMap<>();
		final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		final long start;
		long elapsed;
		List<Long> sorted;

		Run(long start) {
			this.start = start;
		}

		void record(int status, long nanos) {
			statuses.computeIfAbsent(status, ignored -> new LongAdder()).increment();
			latencies.add(nanos);
		}

		void finish() {
			elapsed = System.nanoTime() - start;
			sorted = new ArrayList<>(latencies);
			Collections.sort(sorted);
		}

		double perSecond() {
			return sorted.size() / (elapsed / 1e9);
		}

		double percentile(int percentile) {
			return sorted.isEmpty() ? 0
					: sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100)) / 1e6;
		}
	}
}
