package io.redress.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.redress.complaint.ComplaintEventType;
import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.realtime.Visibility;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Webhook deliveries from one node to a receiver in a JVM of its own ({@link WebhookBenchReceiver}, which verifies
 * every signature): first a backlog of events, to measure deliveries per second, then events committed at a steady
 * rate, to measure the delay from an event's commit to its arrival at the receiver (p50, p99).
 * <p>
 * Run with {@code ./mvnw -q spring-boot:test-run -Dspring-boot.run.main-class=io.redress.bench.WebhookBenchmark
 * -Dspring-boot.run.arguments="50 10000 50 20"}: endpoints (one brand each), backlog events, events per second,
 * seconds.
 */
public final class WebhookBenchmark {

	private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

	private WebhookBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		int endpoints = BenchArguments.arg(args, 0, 50);
		int backlog = BenchArguments.arg(args, 1, 10_000);
		int rate = BenchArguments.arg(args, 2, 50);
		int seconds = BenchArguments.arg(args, 3, 20);

		Process receiver = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-cp", System.getProperty("java.class.path"), WebhookBenchReceiver.class.getName(), SECRET)
				.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		BufferedReader fromReceiver = new BufferedReader(
				new InputStreamReader(receiver.getInputStream(), StandardCharsets.UTF_8));
		PrintWriter toReceiver = new PrintWriter(receiver.getOutputStream(), true, StandardCharsets.UTF_8);
		String port = fromReceiver.readLine().substring("PORT ".length());

		try (BenchServer bench = BenchServer.start(Map.of("redress.signals.enabled", "false",
				"redress.webhooks.allowed-private-networks", "127.0.0.0/8"))) {
			DatabaseClient db = bench.db();
			List<Long> brands = new ArrayList<>();
			for (int i = 0; i < endpoints; i++) {
				long brand = bench.brand("bench-hooks-" + i);
				brands.add(brand);
				db.sql("""
						INSERT INTO webhooks (brand_id, url, event_types, secret)
						VALUES (:brand, :url, ARRAY['COMPLAINT_FILED'], :secret)""")
						.bind("brand", brand).bind("url", "http://127.0.0.1:" + port + "/hooks/" + i)
						.bind("secret", SECRET).then().block();
			}
			EventLog log = bench.context().getBean(EventLog.class);
			TransactionalOperator tx = bench.context().getBean(TransactionalOperator.class);

			// Warm-up, then the backlog: committed at once, in one transaction, delivered as fast as the node sends.
			commit(log, tx, brands, endpoints * 4, 0);
			awaitReceived(fromReceiver, toReceiver, endpoints * 4L);
			toReceiver.println("reset");
			long start = System.nanoTime();
			backlog(db, brands, backlog);
			String throughput = awaitReceived(fromReceiver, toReceiver, backlog);
			double total = (System.nanoTime() - start) / 1e9;

			toReceiver.println("reset");
			commit(log, tx, brands, rate * seconds, rate);
			String latency = awaitReceived(fromReceiver, toReceiver, (long) rate * seconds);

			System.out.printf("""
					Redress webhook benchmark (one node, the receiver in its own JVM, %d endpoints)
					  backlog of %,d events committed in one transaction: all delivered %.1f s after the commit
					    %s
					  %d events/s for %d s, commit to delivery:
					    %s
					""", endpoints, backlog, total, throughput, rate, seconds, latency);
		}
		finally {
			toReceiver.close();
			receiver.destroy();
		}
		System.exit(0);
	}

	/** {@code count} filings spread over the brands, each in its own transaction; {@code perSecond} 0 is at once. */
	private static void commit(EventLog log, TransactionalOperator tx, List<Long> brands, int count, int perSecond) {
		Flux<Long> ticks = perSecond == 0 ? Flux.range(0, count).map(Integer::longValue)
				: Flux.interval(Duration.ofNanos(1_000_000_000L / perSecond)).take(count).onBackpressureBuffer();
		ticks.flatMap(n -> tx.transactional(log.append(NewEvent.about(ComplaintEventType.COMPLAINT_FILED,
				brands.get((int) (n % brands.size())), 1_000_000 + n, 1, Visibility.PUBLIC))), perSecond == 0 ? 1 : 8)
				.then().block(Duration.ofHours(1));
	}

	/** {@code count} filings spread over the brands, written in one statement, as a burst of activity would be. */
	private static void backlog(DatabaseClient db, List<Long> brands, int count) {
		db.sql("""
				INSERT INTO events (brand_id, complaint_id, consumer_id, type, visibility)
				SELECT (:brands::bigint[])[1 + n % cardinality(:brands::bigint[])], 2000000 + n, 1, 'COMPLAINT_FILED', 'PUBLIC'
				FROM generate_series(1, :count) AS n""")
				.bind("brands", brands.toArray(Long[]::new)).bind("count", count).then().block();
	}

	/** Waits until the receiver has {@code expected} distinct deliveries (or a minute passes without one more); its report. */
	private static String awaitReceived(BufferedReader from, PrintWriter to, long expected) throws IOException {
		long last = -1;
		long lastChange = System.nanoTime();
		while (true) {
			to.println("report");
			String report = from.readLine();
			long received = Long.parseLong(report.replaceAll(".*distinct=(\\d+).*", "$1"));
			if (received >= expected || System.nanoTime() - lastChange > Duration.ofMinutes(1).toNanos()) {
				return report.substring("RESULT ".length()) + " (expected " + expected + ")";
			}
			if (received != last) {
				last = received;
				lastChange = System.nanoTime();
			}
			Mono.delay(Duration.ofMillis(200)).block();
		}
	}
}
