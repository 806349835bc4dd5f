package io.redress.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.redress.testing.TestDatabase;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Real-time benchmark (not a test): one server node, many anonymous subscribers on one public complaint in a process
 * of their own ({@link RealtimeLoad}), public messages posted through the API at a fixed rate. Prints deliveries,
 * commit-to-client latency (p50, p99, max), the SQL statements each event cost (from {@code pg_stat_statements}, the
 * post included), the subscription executions each event cost (the {@code redress.subscription.executions} meter),
 * the server's heap per idle subscription, and the latency of an unrelated query asked meanwhile.
 *
 * <pre>
 * ./mvnw -q spring-boot:test-run -Dspring-boot.run.main-class=io.redress.bench.RealtimeBenchmark \
 *   -Dspring-boot.run.jvmArguments=-Xmx1g -Dspring-boot.run.arguments="1000 100 1 20"
 * </pre>
 * Arguments: subscribers, sockets they share, events per second, seconds.
 */
public final class RealtimeBenchmark {

	/** The read benchmark's count, without the sequencer's statements and the unrelated query's. */
	private static final String STATEMENTS = "SELECT calls, query FROM (" + ReadBenchmark.STATEMENTS
			+ ") counted WHERE query !~* '(event_sequence|sort_key)'";

	private static final String POST = """
			mutation($input: PostMessageInput!) { postMessage(input: $input) { message { id } userErrors { code } } }""";

	public static void main(String[] args) throws Exception {
		int subscribers = BenchArguments.arg(args, 0, 1000);
		int sockets = BenchArguments.arg(args, 1, Math.max(1, subscribers / 10));
		int rate = BenchArguments.arg(args, 2, 1);
		int seconds = BenchArguments.arg(args, 3, 20);
		int events = rate * seconds;

		TestDatabase database = TestDatabase.embedded(Files.createTempDirectory("redress-realtime-bench"),
				Map.of("shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.track_utility", "off"));
		// As in production, no r2dbc-proxy around the connections (tests count statements with it).
		BenchServer bench = BenchServer.start(Map.of("spring.autoconfigure.exclude",
				"org.springframework.boot.r2dbc.autoconfigure.R2dbcProxyAutoConfiguration",
				"redress.graphql.max-subscriptions-per-socket", String.valueOf(subscribers / sockets + 1),
				"redress.limits.content-per-hour", "1000000",
				// Thousands of sockets open at once on a loaded machine: none is closed for a late connection_init.
				"spring.graphql.websocket.connection-init-timeout", "60s"), database);
		DatabaseClient db = ReadBenchData.client(database);
		db.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").then().block();
		String server = "http://localhost:" + bench.port();
		bench.brand("bench-live");
		HttpGraphQlClient consumer = client(server, bench.issuer().token("bench-consumer"));
		HttpGraphQlClient agent = client(server, bench.issuer().token("bench-agent"));
		String complaintId = consumer.document("""
				mutation { fileComplaint(input: {brandSlug: "bench-live", title: "Parcel never arrived",
				  description: "Tracking says delivered", category: DELIVERY}) { complaint { id } } }""")
				.retrieve("fileComplaint.complaint.id").toEntity(String.class).block();

		Runtime runtime = Runtime.getRuntime();
		long heapBefore = usedHeap(runtime);
		Map<String, long[]> histogramBefore = histogram();
		Process load = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx1g", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				RealtimeLoad.class.getName(), server, complaintId, String.valueOf(subscribers), String.valueOf(sockets),
				String.valueOf(events), String.valueOf(seconds + 60))
				.redirectError(ProcessBuilder.Redirect.INHERIT).start();
		AtomicReference<String> subscribed = new AtomicReference<>();
		CompletableFuture<String> result = CompletableFuture.supplyAsync(() -> readResult(load, subscribed));

		// Subscriptions are set up in the order they arrive: warm-up posts until every one has received an event.
		long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
		for (int n = 0; subscribed.get() == null && !result.isDone() && System.nanoTime() < deadline; n++) {
			post(agent, complaintId, "warm-up " + n)
					.onErrorResume(error -> Mono.fromRunnable(() -> System.err.println("warm-up post failed: " + error)))
					.block();
			Thread.sleep(500);
		}
		Thread.sleep(2000);
		long heapAfter = usedHeap(runtime);
		printGrowth(histogramBefore, histogram(), subscribers);

		// BENCH_OPEN_TRANSACTION=true: a transaction stays open in another database of the same server all along.
		Connection open = Boolean.parseBoolean(System.getenv("BENCH_OPEN_TRANSACTION"))
				? openTransaction(database.withFreshDatabase("redress_elsewhere")) : null;
		db.sql("SELECT pg_stat_statements_reset()").then().block();
		MeterRegistry meters = bench.context().getBean(MeterRegistry.class);
		double sharedBefore = executions(meters, "shared");
		double ownBefore = executions(meters, "own");
		Writer go = new OutputStreamWriter(load.getOutputStream(), StandardCharsets.UTF_8);
		go.write("GO\n");
		go.flush();
		ConcurrentLinkedQueue<Long> acknowledged = new ConcurrentLinkedQueue<>();
		// A post slower than its interval delays the next ones rather than dropping them: every subscriber expects all.
		Flux.interval(Duration.ofMillis(1000 / Math.max(1, rate))).take(events).onBackpressureBuffer()
				.concatMap(n -> {
					long sent = System.nanoTime();
					return post(agent, complaintId, "measured " + n)
							.doOnSuccess(done -> acknowledged.add((System.nanoTime() - sent) / 1_000_000));
				})
				.blockLast();
		String line = result.get();
		if (open != null) {
			open.rollback();
			open.close();
		}
		long statements = statements(db);
		double shared = executions(meters, "shared") - sharedBefore;
		double own = executions(meters, "own") - ownBefore;

		List<Long> acks = new ArrayList<>(acknowledged);
		Collections.sort(acks);
		Map<String, String> values = BenchArguments.resultValues(line);
		System.out.printf(Locale.ROOT, """
				Redress real-time benchmark: one node, subscribers in their own process
				  subscribers                 %d anonymous on one public complaint over %d sockets (%s)
				  heap per idle subscription  %.1f KB (server only; max heap %d MB)
				  events                      %d public messages, %d/s for %d s; post acknowledged p50 %d ms, max %d ms
				  deliveries                  %s of %s in %s s
				  commit-to-client latency    p50 %s ms, p99 %s ms, max %s ms
				  SQL statements per event    %.1f (the post included)
				  executions per event        %.2f shared, %.2f for one subscriber alone (subscription executions)
				  unrelated query meanwhile   %s requests, p50 %s ms, p99 %s ms
				  subscriptions ended early   %s; sockets opened again after the server closed them: %s
				  transaction held open       %s
				""", subscribers, sockets, subscribed.get(), (heapAfter - heapBefore) / 1024.0 / Math.max(1, subscribers),
				runtime.maxMemory() / 1024 / 1024, events, rate, seconds, percentile(acks, 50), percentile(acks, 100),
				values.get("deliveries"), values.get("expected"), values.get("seconds"), values.get("p50"),
				values.get("p99"), values.get("max"), (double) statements / Math.max(1, events),
				shared / Math.max(1, events), own / Math.max(1, events),
				values.get("unrelated"), values.get("unrelatedP50"), values.get("unrelatedP99"), values.get("ended"),
				values.get("reconnects"),
				open == null ? "none" : "in another database of the server, from before the first event to the last");
		bench.close();
		System.exit(0);
	}

	/** Subscription events executed on the server so far, for a group of subscribers or for one alone (NaN: no meter). */
	private static double executions(MeterRegistry meters, String kind) {
		Counter executions = meters.find("redress.subscription.executions").tag("kind", kind).counter();
		return executions == null ? Double.NaN : executions.count();
	}

	/** A transaction with an xid, left open: the oldest running one on the whole server. */
	private static Connection openTransaction(TestDatabase elsewhere) throws SQLException {
		Connection connection = DriverManager.getConnection(elsewhere.jdbcUrl(),
				elsewhere.username(), elsewhere.password());
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT txid_current()");
		}
		return connection;
	}

	private static Mono<Object> post(HttpGraphQlClient agent, String complaintId, String body) {
		return agent.document(POST)
				.variable("input", Map.of("complaintId", complaintId, "body", body, "visibility", "PUBLIC"))
				.retrieve("postMessage.message.id").toEntity(Object.class);
	}

	/** The load generator's output: its SUBSCRIBED line when every subscription is set up, then its RESULT line. */
	private static String readResult(Process load, AtomicReference<String> subscribed) {
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(load.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				if (line.startsWith("SUBSCRIBED ")) {
					subscribed.set(line.substring("SUBSCRIBED ".length()));
				}
				else if (line.startsWith("RESULT ")) {
					return line;
				}
			}
			throw new IllegalStateException("The load generator ended without a result");
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Statements since the reset; with {@code BENCH_STATEMENTS=true} each is printed with its calls. */
	private static long statements(DatabaseClient db) {
		List<Map.Entry<Long, String>> statements = db.sql(STATEMENTS)
				.map(row -> Map.entry(row.get("calls", Long.class), row.get("query", String.class))).all()
				.collectList().block();
		if (Boolean.parseBoolean(System.getenv("BENCH_STATEMENTS"))) {
			statements.forEach(statement -> System.out.printf(Locale.ROOT, "%8d calls: %s%n", statement.getKey(),
					statement.getValue().replaceAll("\\s+", " ")));
		}
		return statements.stream().mapToLong(Map.Entry::getKey).sum();
	}

	private static HttpGraphQlClient client(String server, String token) {
		return HttpGraphQlClient.builder(WebClient.create(server + "/graphql"))
				.header("Authorization", "Bearer " + token).build();
	}

	/**
	 * With {@code BENCH_HISTOGRAM=true}, the live objects of the server's heap by class (from {@code jcmd
	 * GC.class_histogram}): what each subscription holds, compared before and after they are set up.
	 */
	private static Map<String, long[]> histogram() throws IOException, InterruptedException {
		Map<String, long[]> classes = new HashMap<>();
		if (!Boolean.parseBoolean(System.getenv("BENCH_HISTOGRAM"))) {
			return classes;
		}
		Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
				String.valueOf(ProcessHandle.current().pid()), "GC.class_histogram").start();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(jcmd.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				String[] parts = line.trim().split("\\s+");
				if (parts.length >= 4 && parts[0].endsWith(":")) {
					classes.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
				}
			}
		}
		jcmd.waitFor();
		return classes;
	}

	/** The classes whose live bytes grew most, per subscription. */
	private static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int subscribers) {
		after.entrySet().stream()
				.map(entry -> Map.entry(entry.getKey(), new long[] {
						entry.getValue()[0] - before.getOrDefault(entry.getKey(), new long[2])[0],
						entry.getValue()[1] - before.getOrDefault(entry.getKey(), new long[2])[1]}))
				.sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(40)
				.forEach(entry -> System.out.printf(Locale.ROOT, "%9.2f objects %9.0f bytes per subscription  %s%n",
						(double) entry.getValue()[0] / subscribers, (double) entry.getValue()[1] / subscribers,
						entry.getKey()));
	}

	private static long usedHeap(Runtime runtime) throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static long percentile(List<Long> sorted, int percentile) {
		return sorted.isEmpty() ? 0
				: sorted.get(Math.max(0, Math.min(sorted.size() - 1, (int) Math.ceil(sorted.size() * percentile / 100.0) - 1)));
	}
}
