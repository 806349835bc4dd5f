package io.redress.bench;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * The read benchmark's load generator, run in a process of its own so its work is not the server's: a fixed number of
 * keep-alive connections, each sending one anonymous query after the other for a fixed time (a closed loop, as
 * {@code wrk} does). It prints one {@code RESULT} line: requests, errors, latency percentiles, and the rows of the
 * first answer, to show the query did the work it names.
 *
 * <pre>
 * java -cp ... io.redress.bench.ReadLoad http://localhost:8080 Q2 32 20 2000
 * </pre>
 * Arguments: the server, the query ({@link ReadQuery}), connections, seconds, brands (Q1 asks for each in turn).
 */
public final class ReadLoad {

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	public static void main(String[] args) {
		Result result = run(args[0], ReadQuery.valueOf(args[1]), Integer.parseInt(args[2]),
				Duration.ofSeconds(Integer.parseInt(args[3])), Integer.parseInt(args[4]));
		System.out.println(result.line());
		System.exit(0);
	}

	/** Runs {@code query} from {@code connections} connections for {@code duration}; waits for the last answers. */
	static Result run(String server, ReadQuery query, int connections, Duration duration, int brands) {
		ConnectionProvider provider = ConnectionProvider.builder("read-load").maxConnections(connections)
				.pendingAcquireMaxCount(-1).build();
		HttpClient client = HttpClient.create(provider).baseUrl(server).responseTimeout(REQUEST_TIMEOUT)
				.headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON));
		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		LongAdder errors = new LongAdder();
		AtomicLong sequence = new AtomicLong();
		String[] firstAnswer = new String[1];
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		try {
			Flux.range(0, connections).flatMap(worker -> Mono.defer(() -> {
				long sent = System.nanoTime();
				String body = query.requestBody(sequence.getAndIncrement(), brands);
				return client.post().uri("/graphql").send(ByteBufFlux.fromString(Mono.just(body)))
						.responseSingle((response, content) -> content.asString().defaultIfEmpty("")
								.map(text -> response.status().code() == 200 && !text.contains("\"errors\"")
										? text : null))
						.timeout(REQUEST_TIMEOUT)
						.onErrorResume(ex -> Mono.empty())
						.defaultIfEmpty("")
						.doOnNext(text -> {
							latencies.add(System.nanoTime() - sent);
							if (text.isEmpty()) {
								errors.increment();
							}
							else if (firstAnswer[0] == null) {
								firstAnswer[0] = text;
							}
						});
			}).repeat(() -> System.nanoTime() < end), connections).blockLast();
		}
		finally {
			provider.disposeLater().block(Duration.ofSeconds(5));
		}
		long elapsed = System.nanoTime() - start;
		long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		return Result.of(query, errors.sum(), elapsed / 1e9, sorted,
				firstAnswer[0] == null ? "none" : query.rows(firstAnswer[0]));
	}

	/** One run: requests, errors among them, how long it took, latency percentiles in ms, rows of one answer. */
	record Result(ReadQuery query, long requests, long errors, double seconds, double p50, double p95, double p99,
			double max, String rows) {

		static Result of(ReadQuery query, long errors, double seconds, long[] sortedNanos, String rows) {
			return new Result(query, sortedNanos.length, errors, seconds, percentile(sortedNanos, 50),
					percentile(sortedNanos, 95), percentile(sortedNanos, 99), percentile(sortedNanos, 100), rows);
		}

		double perSecond() {
			return requests / seconds;
		}

		/** The line the benchmark reads back from this process. */
		String line() {
			return String.format(Locale.ROOT,
					"RESULT %s requests=%d errors=%d seconds=%.3f p50=%.2f p95=%.2f p99=%.2f max=%.2f rows=%s", query,
					requests, errors, seconds, p50, p95, p99, max, rows.replace(' ', '_'));
		}

		/** Reads a {@link #line()} back. */
		static Result parse(String line) {
			String[] parts = line.split(" ");
			double[] values = Arrays.stream(parts, 2, parts.length - 1)
					.mapToDouble(part -> Double.parseDouble(part.substring(part.indexOf('=') + 1))).toArray();
			return new Result(ReadQuery.valueOf(parts[1]), (long) values[0], (long) values[1], values[2], values[3],
					values[4], values[5], values[6],
					parts[parts.length - 1].substring("rows=".length()).replace('_', ' '));
		}

		private static double percentile(long[] sorted, double percentile) {
			if (sorted.length == 0) {
				return 0;
			}
			int index = (int) Math.ceil(sorted.length * percentile / 100) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
		}
	}
}
