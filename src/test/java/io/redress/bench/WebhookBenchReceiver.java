package io.redress.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.redress.webhook.StandardWebhooksVerifier;

/**
 * The receiving end of {@link WebhookBenchmark}, in a JVM of its own: an HTTP server that verifies every delivery's
 * signature and notes how long after the event's commit (its {@code timestamp}) it arrived. It prints its port, then
 * answers {@code reset} and {@code report} lines on standard input with a {@code RESULT} line.
 */
public final class WebhookBenchReceiver {

	private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":\"([^\"]+)\"");

	private final StandardWebhooksVerifier verifier;
	private final ConcurrentLinkedQueue<Long> delaysMicros = new ConcurrentLinkedQueue<>();
	private final Set<String> ids = ConcurrentHashMap.newKeySet();
	private final AtomicLong received = new AtomicLong();
	private final AtomicLong badSignatures = new AtomicLong();
	private volatile long firstNanos;
	private volatile long lastNanos;

	private WebhookBenchReceiver(String secret) {
		this.verifier = new StandardWebhooksVerifier(secret);
	}

	public static void main(String[] args) throws IOException {
		WebhookBenchReceiver receiver = new WebhookBenchReceiver(args[0]);
		HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 1024);
		server.createContext("/", receiver::handle);
		server.setExecutor(Executors.newFixedThreadPool(16));
		server.start();
		System.out.println("PORT " + server.getAddress().getPort());
		System.out.flush();
		BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String line = input.readLine(); line != null; line = input.readLine()) {
			if (line.equals("reset")) {
				receiver.reset();
			}
			else if (line.equals("report")) {
				System.out.println(receiver.report());
				System.out.flush();
			}
		}
		server.stop(0);
		System.exit(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		long now = System.nanoTime();
		Instant arrived = Instant.now();
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Map<String, String> headers = Map.of("webhook-id", header(exchange, "webhook-id"),
					"webhook-timestamp", header(exchange, "webhook-timestamp"),
					"webhook-signature", header(exchange, "webhook-signature"));
			if (!verifier.verifies(headers, body)) {
				badSignatures.incrementAndGet();
			}
			Matcher timestamp = TIMESTAMP.matcher(body);
			if (timestamp.find()) {
				Instant committed = OffsetDateTime.parse(timestamp.group(1)).toInstant();
				delaysMicros.add(java.time.Duration.between(committed, arrived).toNanos() / 1000);
			}
			// An endpoint's id: each brand has one endpoint, and its cursor is unique in the log.
			ids.add(exchange.getRequestURI().getPath() + " " + headers.get("webhook-id"));
			if (received.getAndIncrement() == 0) {
				firstNanos = now;
			}
			lastNanos = now;
			exchange.sendResponseHeaders(204, -1);
		}
		finally {
			exchange.close();
		}
	}

	private void reset() {
		delaysMicros.clear();
		ids.clear();
		received.set(0);
		badSignatures.set(0);
	}

	private String report() {
		long[] delays = delaysMicros.stream().mapToLong(Long::longValue).sorted().toArray();
		double seconds = (lastNanos - firstNanos) / 1e9;
		return "RESULT received=%d distinct=%d badSignatures=%d perSecond=%.1f p50ms=%.1f p99ms=%.1f maxms=%.1f"
				.formatted(received.get(), ids.size(), badSignatures.get(),
						seconds > 0 ? (received.get() - 1) / seconds : 0.0, percentile(delays, 50), percentile(delays, 99),
						delays.length == 0 ? 0.0 : delays[delays.length - 1] / 1000.0);
	}

	private static double percentile(long[] sorted, double percentile) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(percentile / 100 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
	}

	private static String header(HttpExchange exchange, String name) {
		String value = exchange.getRequestHeaders().getFirst(name);
		return value == null ? "" : value;
	}
}
