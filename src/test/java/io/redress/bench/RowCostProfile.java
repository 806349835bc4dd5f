package io.redress.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.LongAdder;

import io.netty.handler.codec.http.HttpHeaderNames;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The per-row cost of a read (not a test): one node answers Q3, the 100 latest complaints with their brand, author's
 * public name and rating, anonymously, as fast as it can. Run it under JFR to see where the server's time goes:
 *
 * <pre>
 * ./mvnw -q spring-boot:test-run -Dspring-boot.run.main-class=io.redress.bench.RowCostProfile \
 *   -Dspring-boot.run.arguments="16 3000 3000" \
 *   -Dspring-boot.run.jvmArguments="-XX:StartFlightRecording=filename=q3.jfr,settings=profile"
 * jfr print --events jdk.ExecutionSample q3.jfr
 * </pre>
 * Arguments: concurrent connections, requests to warm up, requests measured. It prints requests per second and the
 * event loops' CPU time per request (client and server together); on a shared machine the first moves with the other
 * load, the second much less.
 */
public final class RowCostProfile {

	static final String Q3 = """
			{"query":"query Q3 { complaints(first: 100) { nodes { id title status createdAt \
			brand { id name slug } author { publicName } rating { stars wouldBuyAgain } } } }"}""";

	/**
	 * Complaints as people write them: most titles and descriptions carry an order number, an amount or a date; one
	 * in twenty a phone number or an e-mail address.
	 */
	private static final String SEED = """
			INSERT INTO brands (slug, name, website, domain, status)
			SELECT 'profile-brand-' || g, 'Profile brand ' || g, 'https://b' || g || '.example', 'b' || g || '.example',
			       'VERIFIED' FROM generate_series(1, 200) AS g;
			INSERT INTO profiles (subject, public_name)
			SELECT 'profile-consumer-' || g, 'Consumer ' || g FROM generate_series(1, 2000) AS g;
			INSERT INTO complaints (brand_id, consumer_id, title, public_title, description, category, status, created_at,
			                        first_response_due_at)
			SELECT b.id, p.id, 'Order ' || (100000 + g) || ' arrived late and damaged',
			       'Order ' || (100000 + g) || ' arrived late and damaged',
			       'I ordered on 12 March 2024 and paid 59.90 EUR for order ' || (100000 + g) || '. The parcel came '
			       || (g % 14) || ' days late, the box was crushed and two of the 3 items were broken. I wrote to '
			       || 'support twice and got no answer beyond an automatic reply. I would like a refund or a '
			       || 'replacement, and an explanation of why nobody answered. '
			       || CASE WHEN g % 20 = 0 THEN 'Reach me at +44 20 7946 0958 or jane' || g || '@example.com.'
			               ELSE 'Thank you for looking into it.' END,
			       'DELIVERY', (ARRAY['OPEN','IN_PROGRESS','RESOLVED','UNRESOLVED'])[1 + g % 4],
			       now() - g * interval '1 minute', now() - g * interval '1 minute' + interval '48 hours'
			FROM generate_series(1, 20000) AS g
			JOIN brands b ON b.slug = 'profile-brand-' || (1 + g % 200)
			JOIN profiles p ON p.subject = 'profile-consumer-' || (1 + g % 2000);
			INSERT INTO ratings (complaint_id, brand_id, stars, would_buy_again, comment)
			SELECT id, brand_id, 1 + id % 5, id % 3 <> 0, 'Took 3 weeks, refund of 59.90 came in the end'
			FROM complaints WHERE status IN ('RESOLVED', 'UNRESOLVED');
			ANALYZE""";

	public static void main(String[] args) throws Exception {
		int concurrency = args.length > 0 ? Integer.parseInt(args[0]) : 16;
		int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
		int requests = args.length > 2 ? Integer.parseInt(args[2]) : 3000;

		// On a busy machine, opening the pool's first connections while seeding can take longer than the 2 s a
		// request waits for one in production.
		BenchServer bench = BenchServer.start(Map.of("redress.security.accept-any-audience", "true",
				"spring.r2dbc.pool.max-acquire-time", "30s"));
		int status = 0;
		try {
			measure(bench, concurrency, warmUp, requests);
		}
		catch (RuntimeException ex) {
			ex.printStackTrace();
			status = 1;
		}
		finally {
			// The server's threads would keep the JVM alive after a failure (a machine too busy to seed in time); the
			// status tells a script whether the profile ran.
			bench.close();
		}
		System.exit(status);
	}

	private static void measure(BenchServer bench, int concurrency, int warmUp, int requests) {
		seed(bench.db());
		HttpClient client = HttpClient.create(ConnectionProvider.builder("profile").maxConnections(concurrency)
				.pendingAcquireMaxCount(-1).build()).baseUrl("http://localhost:" + bench.port())
				.headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, "application/json"));

		String sample = client.post().uri("/graphql").send(ByteBufFlux.fromString(Mono.just(Q3)))
				.responseSingle((response, body) -> body.asString()).block(Duration.ofSeconds(30));
		System.out.println("One answer begins: " + sample.substring(0, Math.min(400, sample.length())));
		load(client, concurrency, warmUp);
		long cpuBefore = eventLoopCpu();
		Run run = load(client, concurrency, requests);
		double cpuPerRequest = (eventLoopCpu() - cpuBefore) / 1e6 / requests;
		System.out.printf("Q3, %d connections, %,d requests: %,.0f requests/s  p50 %.1f ms  p95 %.1f ms  non-200 %d  "
				+ "event-loop CPU %.2f ms a request%n", concurrency, requests, run.perSecond(), run.percentile(50),
				run.percentile(95), run.failures.sum(), cpuPerRequest);
	}

	private static void seed(DatabaseClient db) {
		for (String statement : SEED.split(";\n")) {
			db.sql(statement).then().block();
		}
	}

	/**
	 * CPU time of the threads that run requests (Netty's and R2DBC's event loops, client and server): unlike
	 * requests per second, it does not move with the machine's other load, the database's, the JIT or the GC.
	 */
	static long eventLoopCpu() {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long total = 0;
		for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
			if (thread != null && thread.getThreadName().startsWith("reactor-")) {
				total += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
			}
		}
		return total;
	}

	private static Run load(HttpClient client, int concurrency, int requests) {
		Run run = new Run(System.nanoTime());
		Flux.range(0, requests).flatMap(request -> Mono.defer(() -> {
			long start = System.nanoTime();
			return client.post().uri("/graphql").send(ByteBufFlux.fromString(Mono.just(Q3)))
					.responseSingle((response, body) -> body.asString().defaultIfEmpty("")
							.map(text -> response.status().code() == 200 && !text.contains("\"errors\"")))
					.doOnNext(ok -> run.record(ok, System.nanoTime() - start));
		}), concurrency).blockLast();
		run.finish();
		return run;
	}

	/** One load run: its latencies and how many answers were not a clean 200. */
	private static final class Run {

		final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		final LongAdder failures = new LongAdder();
		final long start;
		long elapsed;
		List<Long> sorted;

		Run(long start) {
			this.start = start;
		}

		void record(boolean ok, long nanos) {
			if (!ok) {
				failures.increment();
			}
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
			return sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100)) / 1e6;
		}
	}
}
