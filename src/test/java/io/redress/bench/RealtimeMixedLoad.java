package io.redress.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.netty.resources.ConnectionProvider;

/**
 * The mixed real-time benchmark's subscribers, in a process of their own ({@link RealtimeMixedBenchmark} starts it):
 * graphql-ws sockets as a plan file lists them, one line a socket,
 * {@code <token or -> <complaintEvents|brandEvents|viewerEvents> <id or -> <subscriptions> <measured events each>}.
 * Sockets open at 500 subscriptions a second; {@code SENT} once every socket is asked for, {@code SUBSCRIBED} once
 * every subscription has received an event (the server's warm-up posts); after {@code GO} on its input it counts the
 * measured events (bodies {@code measured <n>}) per subscription, with duplicates, until each has its share or the
 * time is up. A subscription the server ends (an error) is subscribed again a second later, after its last cursor, as
 * a client would: a gap or a repeat on the way shows as a subscription short of its share or as a duplicate. Its last line is {@code RESULT}: deliveries, duplicates, subscriptions short of their share, latency.
 *
 * <pre>
 * java -cp ... io.redress.bench.RealtimeMixedLoad http://localhost:8080 plan.txt 120
 * </pre>
 * Arguments: the server (or the balancer before the nodes), the plan, seconds to wait for the measured events at most.
 */
public final class RealtimeMixedLoad {

	static final String SELECTION = "{ cursor type occurredAt complaint { title status } message { body } }";

	/** One line of the plan. */
	record Socket(String token, String field, String argument, int subscriptions, int expectedEach, int firstId) {

		String subscribe(int id) {
			return subscribe(id, null);
		}

		/** A subscription, resumed after {@code cursor} when there is one. */
		String subscribe(int id, String cursor) {
			String query = switch (field) {
				case "complaintEvents" -> "subscription($id: ID!, $after: String) "
						+ "{ complaintEvents(complaintId: $id, after: $after) " + SELECTION + " }";
				case "brandEvents" -> "subscription($id: ID!, $after: String) { brandEvents(brandId: $id, after: $after) "
						+ SELECTION + " }";
				default -> "subscription($after: String) { viewerEvents(after: $after) " + SELECTION + " }";
			};
			String after = cursor == null ? "null" : "\"" + cursor + "\"";
			String variables = "-".equals(argument) ? "{\"after\":" + after + "}"
					: "{\"id\":\"" + argument + "\",\"after\":" + after + "}";
			return "{\"type\":\"subscribe\",\"id\":\"" + id + "\",\"payload\":{\"query\":\"" + query
					+ "\",\"variables\":" + variables + "}}";
		}

		String init() {
			return "-".equals(token) ? "{\"type\":\"connection_init\",\"payload\":{}}"
					: "{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}";
		}
	}

	public static void main(String[] args) throws Exception {
		String url = args[0].replaceFirst("^http", "ws") + "/graphql";
		List<Socket> sockets = plan(Path.of(args[1]));
		Duration patience = Duration.ofSeconds(Integer.parseInt(args[2]));
		int subscriptions = sockets.stream().mapToInt(Socket::subscriptions).sum();
		Counts counts = new Counts(subscriptions);
		HttpClient websocket = HttpClient.create(ConnectionProvider.newConnection());
		List<Disposable> connections = new ArrayList<>();
		for (Socket socket : sockets) {
			// Subscribers arrive at 500 a second, not all in the same instant: each one's set-up reads the database.
			Duration arrival = Duration.ofMillis(socket.firstId() * 1000L / 500);
			connections.add(Mono.delay(arrival).then(Mono.defer(() -> websocket
					.websocket(WebsocketClientSpec.builder().protocols("graphql-transport-ws")
							.maxFramePayloadLength(1 << 20).build())
					.uri(url)
					.handle((in, out) -> session(in, out, socket, counts))
					.then()))
					.doOnError(error -> System.err.println("socket failed: " + error))
					.onErrorResume(error -> Mono.empty())
					.then(Mono.fromRunnable(counts.reconnects::increment).delayElement(Duration.ofSeconds(1)))
					.repeat()
					.subscribe());
		}
		Thread.sleep(subscriptions * 1000L / 500);
		System.out.println("SENT " + subscriptions);
		counts.awaitSubscribed(Duration.ofMinutes(10));
		System.out.println("SUBSCRIBED " + counts.subscribed.get() + " reconnects=" + counts.reconnects.sum());

		BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String line = input.readLine(); line != null && !line.equals("GO"); line = input.readLine()) {
			// Waits for the server to start its measured events.
		}
		long expected = sockets.stream().mapToLong(socket -> (long) socket.subscriptions() * socket.expectedEach())
				.sum();
		counts.measuring = true;
		long start = System.nanoTime();
		counts.awaitAll(expected, patience);
		double seconds = (System.nanoTime() - start) / 1e9;
		connections.forEach(Disposable::dispose);
		long[] latencies = counts.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf(Locale.ROOT,
				"RESULT deliveries=%d expected=%d seconds=%.3f duplicates=%d short=%d p50=%d p99=%d max=%d "
						+ "ended=%d reconnects=%d%n",
				counts.measured.sum(), expected, seconds, counts.duplicates.sum(), counts.shortOf(sockets),
				percentile(latencies, 50), percentile(latencies, 99), percentile(latencies, 100), counts.ended.sum(),
				counts.reconnects.sum());
		System.exit(0);
	}

	private static List<Socket> plan(Path file) throws IOException {
		List<Socket> sockets = new ArrayList<>();
		int next = 0;
		for (String line : Files.readAllLines(file)) {
			String[] parts = line.split(" ");
			Socket socket = new Socket(parts[0], parts[1], parts[2], Integer.parseInt(parts[3]),
					Integer.parseInt(parts[4]), next);
			next += socket.subscriptions();
			sockets.add(socket);
		}
		return sockets;
	}

	/** One socket: connection_init, then its subscriptions once acknowledged. */
	private static Mono<Void> session(WebsocketInbound in, WebsocketOutbound out, Socket socket, Counts counts) {
		Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
		outgoing.tryEmitNext(socket.init());
		Mono<Void> reading = in.receive().asString().doOnNext(text -> {
			if (text.contains("\"connection_ack\"")) {
				for (int id = socket.firstId(); id < socket.firstId() + socket.subscriptions(); id++) {
					outgoing.tryEmitNext(socket.subscribe(id));
				}
			}
			else if (text.contains("\"type\":\"ping\"")) {
				outgoing.tryEmitNext("{\"type\":\"pong\"}");
			}
			else if (text.contains("\"type\":\"next\"")) {
				counts.received(text);
			}
			else if (text.contains("\"type\":\"error\"") || text.contains("\"type\":\"complete\"")) {
				counts.ended.increment();
				if (counts.ended.sum() <= 5) {
					System.err.println("subscription ended: " + text);
				}
				// As a client would: subscribe again a second later, after the last event received if any.
				int id = Integer.parseInt(Counts.between(text, "\"id\":\"", "\""));
				Mono.delay(Duration.ofSeconds(1))
						.subscribe(tick -> outgoing.tryEmitNext(socket.subscribe(id, counts.cursors.get(id))));
			}
		}).then();
		return out.sendString(outgoing.asFlux()).then().and(reading);
	}

	private static long percentile(long[] sorted, int percentile) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(sorted.length * percentile / 100.0) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	/** What the subscriptions received: the first event of each, then the measured ones, each counted once. */
	private static final class Counts {

		private final AtomicLongArray perSubscription;
		private final AtomicLongArray measuredPerSubscription;
		/** Each subscription's last cursor, to resume after it. */
		private final AtomicReferenceArray<String> cursors;
		private final Set<Long> seen = ConcurrentHashMap.newKeySet();
		private final AtomicInteger subscribed = new AtomicInteger();
		private final CountDownLatch allSubscribed;
		private final LongAdder measured = new LongAdder();
		private final LongAdder duplicates = new LongAdder();
		private final LongAdder ended = new LongAdder();
		private final LongAdder reconnects = new LongAdder();
		private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		private volatile boolean measuring;

		Counts(int subscriptions) {
			this.perSubscription = new AtomicLongArray(subscriptions);
			this.measuredPerSubscription = new AtomicLongArray(subscriptions);
			this.cursors = new AtomicReferenceArray<>(subscriptions);
			this.allSubscribed = new CountDownLatch(subscriptions);
		}

		void received(String text) {
			long now = System.currentTimeMillis();
			int id = Integer.parseInt(between(text, "\"id\":\"", "\""));
			cursors.set(id, between(text, "\"cursor\":\"", "\""));
			if (perSubscription.getAndIncrement(id) == 0) {
				subscribed.incrementAndGet();
				allSubscribed.countDown();
			}
			if (measuring && text.contains("\"body\":\"measured ")) {
				long event = Long.parseLong(between(text, "\"body\":\"measured ", "\""));
				if (!seen.add(id * 1_000_000L + event)) {
					duplicates.increment();
					return;
				}
				OffsetDateTime occurred = OffsetDateTime.parse(between(text, "\"occurredAt\":\"", "\""));
				latencies.add(now - occurred.toInstant().toEpochMilli());
				measuredPerSubscription.incrementAndGet(id);
				measured.increment();
			}
		}

		/** Subscriptions that received fewer measured events than the plan gives them. */
		long shortOf(List<Socket> sockets) {
			long count = 0;
			for (Socket socket : sockets) {
				for (int id = socket.firstId(); id < socket.firstId() + socket.subscriptions(); id++) {
					count += measuredPerSubscription.get(id) < socket.expectedEach() ? 1 : 0;
				}
			}
			return count;
		}

		void awaitSubscribed(Duration patience) throws InterruptedException {
			allSubscribed.await(patience.toMillis(), TimeUnit.MILLISECONDS);
		}

		void awaitAll(long total, Duration patience) throws InterruptedException {
			long deadline = System.nanoTime() + patience.toNanos();
			while (measured.sum() < total && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
		}

		private static String between(String text, String before, String after) {
			int start = text.indexOf(before) + before.length();
			return text.substring(start, text.indexOf(after, start));
		}
	}
}
