package io.redress.bench;

import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Loads a server with every chosen query in turn until its JIT is done, not for a fixed time: on two cores a Redress
 * node needs minutes of load before C2 has compiled its hot paths (Q1 went from 580 to 3,800 requests/s over eight 20 s
 * runs), so a run measured sooner measures the compiler. It stops once the compilers' time grew by less than
 * {@code share} of a core over the last window, or at {@code bound} (judged at the end of a window, so rounded up to
 * a whole one), and says which.
 *
 * @param window how long one turn over the queries lasts, and so the span the compile time is judged over
 * @param share the compilers' time over a window, as a share of the window, under which the JIT counts as done
 * @param bound the longest warm-up, done or not
 */
record JitWarmUp(Duration window, double share, Duration bound) {

	/** One turn's load: {@code query} for {@code seconds}. */
	@FunctionalInterface
	interface Load {

		void run(ReadQuery query, int seconds) throws Exception;
	}

	/** How long the warm-up took and why it stopped, as the benchmark prints it. */
	record Outcome(Duration took, boolean settled, double lastShare) {

		String line(String server) {
			return String.format(Locale.ROOT, "%s warm-up: %d s, %s (the compilers took %.1f %% of a core over the last window)",
					server, took.toSeconds(), settled ? "stopped as the JIT settled" : "stopped at its bound, the JIT still busy",
					100 * lastShare);
		}
	}

	/**
	 * {@code BENCH_WARMUP_WINDOW} seconds (default 10), {@code BENCH_WARMUP_SHARE} (default 0.02: 2 % of a core) and
	 * {@code BENCH_WARMUP_SECONDS} at most (default 300).
	 */
	static JitWarmUp fromEnvironment() {
		return new JitWarmUp(Duration.ofSeconds(env("BENCH_WARMUP_WINDOW", 10)), env("BENCH_WARMUP_SHARE", 0.02),
				Duration.ofSeconds(env("BENCH_WARMUP_SECONDS", 300)));
	}

	/** The JIT compile time of this JVM, where the measured server runs, in ms; 0 where the JVM does not tell. */
	static long compileMillis() {
		CompilationMXBean compiler = ManagementFactory.getCompilationMXBean();
		return compiler != null && compiler.isCompilationTimeMonitoringSupported()
				? compiler.getTotalCompilationTime() : 0;
	}

	/** Warms this JVM's server: {@code load} runs the queries in turn until {@link #compileMillis()} settles. */
	Outcome run(List<ReadQuery> queries, Load load) throws Exception {
		return run(queries, load, JitWarmUp::compileMillis);
	}

	Outcome run(List<ReadQuery> queries, Load load, LongSupplier compileMillis) throws Exception {
		int secondsEach = (int) Math.max(1, window.toSeconds() / queries.size());
		long start = System.nanoTime();
		while (true) {
			long windowStart = System.nanoTime();
			long compiledBefore = compileMillis.getAsLong();
			for (ReadQuery query : queries) {
				load.run(query, secondsEach);
			}
			long now = System.nanoTime();
			double lastShare = (compileMillis.getAsLong() - compiledBefore) / ((now - windowStart) / 1e6);
			Duration took = Duration.ofNanos(now - start);
			if (lastShare < share || took.compareTo(bound) >= 0) {
				return new Outcome(took, lastShare < share, lastShare);
			}
		}
	}

	/**
	 * A warm-up of a fixed time, for a server whose compiler this JVM cannot see (the peer's Node process): the queries
	 * in turn, a window at a time, for {@code total}.
	 */
	void runFor(Duration total, List<ReadQuery> queries, Load load) throws Exception {
		int secondsEach = (int) Math.max(1, window.toSeconds() / queries.size());
		long end = System.nanoTime() + total.toNanos();
		while (System.nanoTime() < end) {
			for (ReadQuery query : queries) {
				load.run(query, secondsEach);
			}
		}
	}

	private static long env(String name, long fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : Long.parseLong(value.strip());
	}

	private static double env(String name, double fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : Double.parseDouble(value.strip());
	}
}
