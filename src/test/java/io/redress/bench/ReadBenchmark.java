package io.redress.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.redress.testing.TestDatabase;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Read benchmark (not a test): issue 12's anonymous reads Q1, Q2 and Q3 against one server node on a database holding
 * the issue's volumes, from a load generator in a process of its own ({@link ReadLoad}). Prints, for each query,
 * requests per second, latency p50/p95/p99, errors and the SQL statements per request (from
 * {@code pg_stat_statements}).
 *
 * <pre>
 * ./mvnw -q spring-boot:test-run -Dspring-boot.run.main-class=io.redress.bench.ReadBenchmark \
 *   -Dspring-boot.run.jvmArguments=-Xmx512m -Dspring-boot.run.arguments="20 32 1 12"
 * </pre>
 * Arguments: seconds per query, connections, scale of the issue's volumes, seed, and optionally the queries (Q1,Q3).
 * {@code BENCH_DATABASE_URL=postgresql://user:password@host:port/database} uses that database instead of an embedded
 * one: an empty one is migrated and seeded, one with complaints is read as it is. {@code BENCH_DATA_DIRECTORY} keeps
 * the embedded one's data in that folder, so the next run reads the same rows without generating them again.
 * The load comes from {@code wrk} ({@link WrkLoad}) when it is installed, from {@link ReadLoad} otherwise;
 * {@code BENCH_LOAD=wrk} or {@code BENCH_LOAD=java} picks one.
 * <p>
 * Nothing is measured before the server's JIT has settled under the same load ({@link JitWarmUp}: at most
 * {@code BENCH_WARMUP_SECONDS}, 300 by default). {@code BENCH_PEER=postgraphile} also starts PostGraphile
 * ({@link PostGraphilePeer}) on the same database, warms it for {@code BENCH_PEER_WARMUP_SECONDS} (60), and measures it
 * and Redress alternately, {@code BENCH_ROUNDS} rounds (3) a query, printing Redress ÷ PostGraphile.
 */
public final class ReadBenchmark {

	/**
	 * The statements run since the last reset, each with its calls, leaving out transaction control and the server's
	 * background work (the event log and its sequencer's lease, the score and signal feeds, the score refresh, expired
	 * proposals, public titles and bodies, webhook leases, due deadlines) and the driver's type lookups as it opens a connection: no request's.
	 */
	static final String STATEMENTS = """
			SELECT calls, query FROM pg_stat_statements
			WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) AND toplevel
			  AND query !~* '^\\s*(begin|commit|rollback|start|set|show|select 1\\s*$)'
			  AND query !~* '(pg_stat_statements|\\mevents\\M|\\mbrand_scores\\M|score_feed|signal_feed|proposed_at < now|public_title IS NULL|WHERE public_body IS NULL|SET public_body = |\\mwebhooks\\M|\\mcomplaint_deadlines\\M|pg_try_advisory_xact_lock|pg_catalog\\.pg_type)'
			ORDER BY calls DESC""";

	private static final String UNSCORED_BRANDS = """
			SELECT count(*) AS waiting FROM brands b
			WHERE NOT EXISTS (SELECT FROM brand_scores s WHERE s.brand_id = b.id)
			  AND EXISTS (SELECT FROM complaints c WHERE c.brand_id = b.id)""";

	/** Messages the server has not yet given a public (masked) text: the generator writes none. */
	private static final String UNMASKED_MESSAGES = "SELECT count(*) AS waiting FROM messages WHERE public_body IS NULL";

	public static void main(String[] args) throws Exception {
		int seconds = BenchArguments.arg(args, 0, 20);
		int connections = BenchArguments.arg(args, 1, 32);
		double scale = args.length > 2 ? Double.parseDouble(args[2]) : 1;
		long seed = args.length > 3 ? Long.parseLong(args[3]) : 12;
		List<ReadQuery> queries = args.length > 4
				? Arrays.stream(args[4].split(",")).map(ReadQuery::valueOf).toList()
				: List.of(ReadQuery.values());

		String url = System.getenv("BENCH_DATABASE_URL");
		String kept = System.getenv("BENCH_DATA_DIRECTORY");
		TestDatabase database = url == null || url.isBlank()
				? TestDatabase.embedded(kept == null || kept.isBlank() ? Files.createTempDirectory("redress-read-bench")
						: Path.of(kept),
						Map.of("shared_preload_libraries", "pg_stat_statements", "pg_stat_statements.track_utility",
								"off", "pg_stat_statements.track_planning", "on"))
				: TestDatabase.fromUrl(url);
		// Generated rows arrive unscored, after the daily refresh's first look 10 s into the start: it looks again
		// every 10 s (each look finds nothing once every brand is scored, a statement the counts leave out).
		BenchServer bench = BenchServer.start(Map.of("redress.score.refresh-interval", "10s"), database);
		DatabaseClient db = ReadBenchData.client(database);

		ReadBenchData.Volumes volumes = ReadBenchData.Volumes.scaled(scale);
		long seedStart = System.nanoTime();
		boolean reused = ReadBenchData.seeded(db);
		if (!reused) {
			ReadBenchData.seed(db, volumes, seed);
		}
		ReadBenchData.Counts counts = ReadBenchData.counts(db);
		double seedSeconds = (System.nanoTime() - seedStart) / 1e9;
		double scoreSeconds = awaitScores(db);
		double maskSeconds = awaitMaskedMessages(db);
		boolean counting = statementsCounted(db);

		String server = "http://localhost:" + bench.port();
		ReadTarget redress = ReadTarget.redress(server);
		int brands = (int) counts.brands();
		int cores = Runtime.getRuntime().availableProcessors();
		// wrk, when installed, costs about a tenth of ReadLoad's CPU per request, which it takes from the server.
		String generator = System.getenv("BENCH_LOAD");
		boolean wrk = generator == null || generator.isBlank() ? WrkLoad.installed() : generator.equals("wrk");
		if (wrk && !WrkLoad.installed()) {
			throw new IllegalStateException("BENCH_LOAD=wrk, but wrk is not installed (Debian: apt-get install wrk)");
		}
		String peerName = System.getenv("BENCH_PEER");
		boolean withPeer = peerName != null && !peerName.isBlank();
		if (withPeer && (!peerName.equals("postgraphile") || !wrk)) {
			throw new IllegalStateException("BENCH_PEER=" + peerName + ": the one peer is postgraphile, loaded by wrk");
		}
		int rounds = BenchArguments.env("BENCH_ROUNDS", withPeer ? 3 : 1);

		// The server runs in this JVM: it is measured once its JIT has settled under the same load, not before.
		JitWarmUp warmUp = JitWarmUp.fromEnvironment();
		JitWarmUp.Outcome warmed = warmUp.run(queries, (query, warmSeconds) -> {
			if (wrk) {
				WrkLoad.warm(redress, query, connections, warmSeconds, brands);
			}
			else {
				load(server, query, connections, 0, warmSeconds, brands, () -> { });
			}
		});
		System.out.println(warmed.line("Redress"));
		PostGraphilePeer peer = null;
		if (withPeer) {
			peer = PostGraphilePeer.start(database);
			ReadTarget target = peer.target();
			Duration peerWarmUp = Duration.ofSeconds(BenchArguments.env("BENCH_PEER_WARMUP_SECONDS", 60));
			// Node's JIT is not visible from here; a fixed minute of the same load warms it (it settles sooner).
			warmUp.runFor(peerWarmUp, queries,
					(query, warmSeconds) -> WrkLoad.warm(target, query, connections, warmSeconds, brands));
			System.out.printf(Locale.ROOT, "PostGraphile warm-up: %d s (fixed)%n", peerWarmUp.toSeconds());
		}
		int warmUpEach = Math.max(3, seconds / 4);
		List<String> lines = new ArrayList<>();
		for (ReadQuery query : queries) {
			List<Double> ratios = new ArrayList<>();
			List<String> peerLines = new ArrayList<>();
			for (int round = 1; round <= rounds; round++) {
				long[] serverCpuFrom = new long[2];
				EventLoops[] loopsFrom = new EventLoops[1];
				Runnable measuring = () -> {
					resetStatements(db, counting);
					serverCpuFrom[0] = processCpuNanos();
					serverCpuFrom[1] = RowCostProfile.eventLoopCpu();
					loopsFrom[0] = EventLoops.now();
				};
				ReadLoad.Result result = wrk
						? WrkLoad.run(redress, query, connections, warmUpEach, seconds, brands, measuring)
						: load(server, query, connections, warmUpEach, seconds, brands, measuring);
				EventLoops spent = EventLoops.now().minus(loopsFrom[0]);
				double serverCpu = (processCpuNanos() - serverCpuFrom[0]) / 1e6 / Math.max(1, result.requests());
				double eventLoopCpu = (RowCostProfile.eventLoopCpu() - serverCpuFrom[1]) / 1e6
						/ Math.max(1, result.requests());
				long statements = counting ? statements(db, query, result.requests()) : -1;
				double[] sql = counting ? sqlMilliseconds(db) : new double[] { Double.NaN, Double.NaN };
				String sqlTime = counting ? String.format(Locale.ROOT, "SQL execution %.2f ms (planning %.2f ms more)",
						sql[0] / Math.max(1, result.requests()), sql[1] / Math.max(1, result.requests()))
						: "SQL time not measured";
				lines.add(String.format(Locale.ROOT,
						"  %-5s %,9.0f req/s   p50 %8.1f   p95 %8.1f   p99 %8.1f ms   errors %d of %,d (%.2f %%)   %s   rows: %s"
								+ "%n        CPU a request: server %.3f ms (its event loops %.3f ms), load generator %.3f ms"
								+ " (%.0f %% of the machine's %d cores)"
								+ "%n        per request: server event loops' allocations %,.0f KB, %s",
						rounds > 1 ? query + " #" + round : query.name(), result.perSecond(), result.p50(),
						result.p95(), result.p99(), result.errors(), result.requests(),
						100.0 * result.errors() / Math.max(1, result.requests()),
						counting ? String.format(Locale.ROOT, "%.1f statements/request",
								(double) statements / Math.max(1, result.requests())) : "statements: not counted",
						result.rows(), serverCpu, eventLoopCpu, result.cpuPerRequest(),
						100 * result.shareOfMachine(cores), cores,
						spent.allocatedBytes() / 1024.0 / Math.max(1, result.requests()), sqlTime));
				if (peer != null) {
					// Alternately, so that the machine's other load falls on both alike.
					ReadLoad.Result theirs = WrkLoad.run(peer.target(), query, connections, warmUpEach, seconds,
							brands, () -> { });
					ratios.add(result.perSecond() / Math.max(1e-9, theirs.perSecond()));
					peerLines.add(String.format(Locale.ROOT,
							"  %-5s %,9.0f req/s   p50 %8.1f   p95 %8.1f   p99 %8.1f ms   errors %d of %,d   rows: %s"
									+ "   (PostGraphile)",
							rounds > 1 ? query + " #" + round : query.name(), theirs.perSecond(), theirs.p50(),
							theirs.p95(), theirs.p99(), theirs.errors(), theirs.requests(), theirs.rows()));
				}
			}
			if (peer != null) {
				lines.addAll(peerLines);
				lines.add(String.format(Locale.ROOT, "  %-5s Redress ÷ PostGraphile, rounds run alternately: %.2f – %.2f (%s)",
						query, ratios.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN),
						ratios.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN),
						String.join(", ", ratios.stream().map(r -> String.format(Locale.ROOT, "%.2f", r)).toList())));
			}
		}
		String peerMemory = peer == null ? "" : ", PostGraphile (one Node process) resident " + peer.residentMemory();
		if (peer != null) {
			peer.close();
		}

		Runtime runtime = Runtime.getRuntime();
		System.out.printf(Locale.ROOT, """
				Redress read benchmark: one node, load generator (%s) in its own process, %d connections, %d s a query \
				(each after a %d s warm-up of its own), %s, anonymous
				  %s
				  data: %,d brands, %,d profiles, %,d complaints (%,d to %,d a brand), %,d messages (%,d public), \
				%,d ratings; seed %d, %s in %.0f s, scored by the server in %.0f s more, its messages masked in %.0f s more
				  server: %d cores, max heap %d MB, resident %s%s
				%s
				""", wrk ? "wrk" : "ReadLoad", connections, seconds, warmUpEach,
				peer == null ? rounds + " round(s)" : rounds + " rounds, Redress and PostGraphile 5 (amber) alternately",
				warmed.line("Redress"), counts.brands(), counts.profiles(), counts.complaints(), counts.smallestBrand(),
				counts.largestBrand(), counts.messages(), counts.publicMessages(), counts.ratings(), seed,
				reused ? "reused" : "generated", seedSeconds, scoreSeconds, maskSeconds, runtime.availableProcessors(),
				runtime.maxMemory() / 1024 / 1024, residentMemory(), peerMemory, String.join("\n", lines));
		bench.close();
		System.exit(0);
	}

	/**
	 * Waits (at most ten minutes) until the server's score keeper has scored every brand with complaints, as a
	 * running deployment has: generated data arrives unscored, and scoring 2,000 brands would load the measured runs.
	 */
	private static double awaitScores(DatabaseClient db) throws InterruptedException {
		return awaitNone(db, UNSCORED_BRANDS, "brands are still unscored: the score keeper will load the runs");
	}

	/**
	 * Waits (at most ten minutes) until the server has written every message's public text, as a running deployment
	 * has (it writes it with the message): the generator leaves it to the server's backfill, whose masking of some
	 * 600,000 bodies on the event loops would otherwise load the first measured runs.
	 */
	private static double awaitMaskedMessages(DatabaseClient db) throws InterruptedException {
		return awaitNone(db, UNMASKED_MESSAGES, "messages still have no public text: the backfill will load the runs");
	}

	/** Waits (at most ten minutes) until {@code count} (a statement returning {@code waiting}) counts none; seconds. */
	private static double awaitNone(DatabaseClient db, String count, String stillWaiting) throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + Duration.ofMinutes(10).toNanos();
		long waiting = waiting(db, count);
		while (waiting > 0 && System.nanoTime() < deadline) {
			Thread.sleep(1000);
			waiting = waiting(db, count);
		}
		if (waiting > 0) {
			System.err.println(waiting + " " + stillWaiting);
		}
		return (System.nanoTime() - start) / 1e9;
	}

	private static long waiting(DatabaseClient db, String count) {
		return db.sql(count).map(row -> row.get("waiting", Long.class)).one().block();
	}

	/**
	 * Runs {@link ReadLoad} in a JVM of its own, on this classpath, warm-up and measured run in one process (so its
	 * compiler's work falls in the warm-up), calls {@code measuring} as the measured run begins and reads its result
	 * line back.
	 */
	private static ReadLoad.Result load(String server, ReadQuery query, int connections, int warmUp, int seconds,
			int brands, Runnable measuring) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
				ReadLoad.class.getName(), server, query.name(), String.valueOf(connections), String.valueOf(seconds),
				String.valueOf(brands), String.valueOf(warmUp)).redirectError(ProcessBuilder.Redirect.INHERIT).start();
		ReadLoad.Result result = null;
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				if (line.equals(ReadLoad.MEASURING)) {
					measuring.run();
				}
				else if (line.startsWith("RESULT ")) {
					result = ReadLoad.Result.parse(line);
				}
			}
		}
		if (process.waitFor() != 0 || result == null) {
			throw new IllegalStateException("The load generator failed for " + query);
		}
		return result;
	}

	/** Whether the database counts statements: it needs pg_stat_statements loaded at its start. */
	private static boolean statementsCounted(DatabaseClient db) {
		try {
			db.sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").then().block();
			db.sql("SELECT count(*) FROM pg_stat_statements").then().block();
			return true;
		}
		catch (RuntimeException ex) {
			System.err.println("Statements are not counted: " + ex.getMessage());
			return false;
		}
	}

	private static void resetStatements(DatabaseClient db, boolean counting) {
		if (counting) {
			db.sql("SELECT pg_stat_statements_reset()").then().block();
		}
	}

	/**
	 * The statements run since the reset; with {@code BENCH_STATEMENTS=true} each is printed with its calls and
	 * PostgreSQL's mean execution and planning time a call.
	 */
	private static long statements(DatabaseClient db, ReadQuery query, long requests) {
		record Counted(long calls, double execMs, double planMs, String query) {
		}
		List<Counted> statements = db
				.sql(STATEMENTS.replace("calls, query", "calls, mean_exec_time, total_plan_time, query"))
				.map(row -> new Counted(row.get("calls", Long.class), row.get("mean_exec_time", Double.class),
						row.get("total_plan_time", Double.class), row.get("query", String.class)))
				.all().collectList().block();
		if (Boolean.parseBoolean(System.getenv("BENCH_STATEMENTS"))) {
			statements.forEach(statement -> System.out.printf(Locale.ROOT,
					"%s %8.2f per request, %.3f ms execution and %.3f ms planning a call: %s%n", query,
					(double) statement.calls() / Math.max(1, requests), statement.execMs(),
					statement.planMs() / Math.max(1, statement.calls()), statement.query().replaceAll("\\s+", " ")));
		}
		return statements.stream().mapToLong(Counted::calls).sum();
	}

	/**
	 * The CPU time and allocations of the server's event loops (Reactor Netty's for HTTP, R2DBC's; not the JIT, the
	 * collector, the load generator's process nor PostgreSQL): unlike requests per second, costs per request that
	 * other load on the machine moves little (the allocations not at all).
	 */
	record EventLoops(long cpuNanos, long allocatedBytes) {

		static EventLoops now() {
			com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory
					.getThreadMXBean();
			long cpu = 0;
			long allocated = 0;
			for (java.lang.management.ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (thread != null && thread.getThreadName().startsWith("reactor-")) {
					cpu += Math.max(0, threads.getThreadCpuTime(thread.getThreadId()));
					allocated += Math.max(0, threads.getThreadAllocatedBytes(thread.getThreadId()));
				}
			}
			return new EventLoops(cpu, allocated);
		}

		EventLoops minus(EventLoops earlier) {
			return new EventLoops(cpuNanos - earlier.cpuNanos, allocatedBytes - earlier.allocatedBytes);
		}
	}

	/**
	 * PostgreSQL's execution and planning time of the counted statements since the reset (pg_stat_statements), in ms:
	 * planning is counted where the server tracks it (the embedded one does), 0 elsewhere.
	 */
	private static double[] sqlMilliseconds(DatabaseClient db) {
		return db.sql("SELECT coalesce(sum(total_exec_time), 0) AS ms, coalesce(sum(total_plan_time), 0) AS plan_ms FROM ("
				+ STATEMENTS.replace("calls, query", "total_exec_time, total_plan_time") + ") s")
				.map(row -> new double[] { row.get("ms", Double.class), row.get("plan_ms", Double.class) }).one()
				.block();
	}

	/**
	 * This process's CPU time: the server's, as the benchmark itself only waits while a load runs, with its compiler,
	 * collector and background work; its event loops' share ({@link RowCostProfile#eventLoopCpu()}) is the requests'.
	 */
	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
	}

	private static String residentMemory() {
		try {
			return Files.readAllLines(Path.of("/proc/self/status")).stream().filter(line -> line.startsWith("VmRSS"))
					.map(line -> line.substring("VmRSS:".length()).strip()).findFirst().orElse("unknown");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}
}
