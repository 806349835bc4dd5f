package io.redress.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.LongAdder;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;
import reactor.netty.ByteBufFlux;
import reactor.netty.http.client.HttpClient;
import reactor.netty.http.client.WebsocketClientSpec;
import reactor.netty.http.websocket.WebsocketInbound;
import reactor.netty.http.websocket.WebsocketOutbound;
import reactor.netty.resources.ConnectionProvider;

/**
 * The real-time benchmark's subscribers, in a process of their own so that their work is not the server's: anonymous
 * graphql-ws subscriptions to one complaint's events over a given number of sockets, speaking the protocol directly
 * over Reactor Netty (a full GraphQL client per subscription would cost this process more than it measures). It
 * prints {@code SUBSCRIBED} once every subscription has received an event (the server's warm-up posts), then waits
 * for {@code GO} on its input and counts the measured events (bodies starting {@code measured}) until each
 * subscriber has them all or the time is up, while one connection runs an unrelated query in a loop. Its last line
 * is {@code RESULT}: deliveries, commit-to-client latency percentiles, and the unrelated query's.
 *
 * <pre>
 * java -cp ... io.redress.bench.RealtimeLoad http://localhost:8080 COMPLAINT_ID 1000 100 20 60
 * </pre>
 * Arguments: the server, the complaint's global id, subscribers, sockets, measured events expected, seconds to wait
 * for them at most.
 */
public final class RealtimeLoad {

	static final String DOCUMENT = "subscription($id: ID!) { complaintEvents(complaintId: $id) "
			+ "{ cursor type occurredAt complaint { title status } message { body } } }";

	private static final String UNRELATED = "{\"query\":\"{ brands(first: 10) { nodes { name slug } } }\"}";

	public static void main(String[] args) throws Exception {
		String server = args[0];
		String complaintId = args[1];
		int subscribers = Integer.parseInt(args[2]);
		int sockets = Math.max(1, Math.min(subscribers, Integer.parseInt(args[3])));
		int expected = Integer.parseInt(args[4]);
		Duration patience = Duration.ofSeconds(Integer.parseInt(args[5]));

		Counts counts = new Counts(subscribers);
		HttpClient websocket = HttpClient.create(ConnectionProvider.newConnection());
		String url = server.replaceFirst("^http", "ws") + "/graphql";
		String subscribe = "{\"type\":\"subscribe\",\"id\":\"%d\",\"payload\":{\"query\":\"" + DOCUMENT
				+ "\",\"variables\":{\"id\":\"" + complaintId + "\"}}}";
		Disposable[] connections = new Disposable[sockets];
		for (int socket = 0; socket < sockets; socket++) {
			int first = socket;
			// A socket the server closes (a missed connection_init deadline on a loaded machine, say) is opened again,
			// as a client would; what its subscriptions missed meanwhile counts as not delivered.
			// Subscribers arrive at 500 a second, not all in the same instant: each one's set-up reads the database.
			Duration arrival = Duration.ofMillis(1000L * socket * (subscribers / sockets) / 500);
			connections[socket] = Mono.delay(arrival).then(Mono.defer(() -> websocket
					.websocket(WebsocketClientSpec.builder().protocols("graphql-transport-ws")
							.maxFramePayloadLength(1 << 20).build())
					.uri(url)
					.handle((in, out) -> session(in, out, first, sockets, subscribers, subscribe, counts))
					.then()))
					.doOnError(error -> System.err.println("socket failed: " + error))
					.onErrorResume(error -> Mono.empty())
					.then(Mono.fromRunnable(counts.reconnects::increment).delayElement(Duration.ofSeconds(1)))
					.repeat()
					.subscribe();
		}
		counts.awaitSubscribed(Duration.ofMinutes(5));
		System.out.println("SUBSCRIBED " + counts.subscribed.get() + " reconnects=" + counts.reconnects.sum());

		BufferedReader input = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
		for (String line = input.readLine(); line != null && !line.equals("GO"); line = input.readLine()) {
			// Waits for the server to start its measured events.
		}
		counts.measuring = true;
		long start = System.nanoTime();
		ConcurrentLinkedQueue<Long> unrelated = new ConcurrentLinkedQueue<>();
		Disposable unrelatedLoop = unrelatedQueries(server, unrelated);
		counts.awaitAll(expected, patience);
		double seconds = (System.nanoTime() - start) / 1e9;
		unrelatedLoop.dispose();
		for (Disposable connection : connections) {
			connection.dispose();
		}
		long[] latencies = counts.latencies.stream().mapToLong(Long::longValue).sorted().toArray();
		long[] unrelatedSorted = unrelated.stream().mapToLong(Long::longValue).sorted().toArray();
		System.out.printf(Locale.ROOT,
				"RESULT deliveries=%d expected=%d seconds=%.3f p50=%d p99=%d max=%d unrelated=%d "
						+ "unrelatedP50=%.2f unrelatedP99=%.2f ended=%d reconnects=%d%n",
				latencies.length, (long) expected * subscribers, seconds, percentile(latencies, 50),
				percentile(latencies, 99), percentile(latencies, 100), unrelatedSorted.length,
				percentile(unrelatedSorted, 50) / 1e6, percentile(unrelatedSorted, 99) / 1e6, counts.ended.sum(),
				counts.reconnects.sum());
		System.exit(0);
	}

	/** One socket: connection_init, then its share of the subscriptions once acknowledged. */
	private static Mono<Void> session(WebsocketInbound in, WebsocketOutbound out, int socket, int sockets,
			int subscribers, String subscribe, Counts counts) {
		Sinks.Many<String> outgoing = Sinks.many().unicast().onBackpressureBuffer();
		outgoing.tryEmitNext("{\"type\":\"connection_init\",\"payload\":{}}");
		Mono<Void> reading = in.receive().asString().doOnNext(text -> {
			if (text.contains("\"connection_ack\"")) {
				for (int id = socket; id < subscribers; id += sockets) {
					outgoing.tryEmitNext(subscribe.formatted(id));
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
			}
		}).then();
		return out.sendString(outgoing.asFlux()).then().and(reading);
	}

	/** One connection asking an unrelated anonymous query, one request after the other, for the measured time. */
	private static Disposable unrelatedQueries(String server, ConcurrentLinkedQueue<Long> latencies) {
		HttpClient http = HttpClient.create(ConnectionProvider.create("unrelated", 1)).baseUrl(server)
				.headers(headers -> headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON));
		return Mono.defer(() -> {
			long sent = System.nanoTime();
			return http.post().uri("/graphql").send(ByteBufFlux.fromString(Mono.just(UNRELATED)))
					.responseSingle((response, body) -> body.asString())
					.doOnNext(answer -> latencies.add(System.nanoTime() - sent))
					.onErrorResume(ex -> Mono.empty());
		}).repeat().subscribe();
	}

	private static long percentile(long[] sorted, int percentile) {
		if (sorted.length == 0) {
			return 0;
		}
		int index = (int) Math.ceil(sorted.length * percentile / 100.0) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
	}

	/** What the subscribers received: the first event of each, then the measured ones. */
	private static final class Counts {

		private final AtomicLongArray perSubscriber;
		private final AtomicInteger subscribed = new AtomicInteger();
		private final CountDownLatch allSubscribed;
		private final LongAdder measured = new LongAdder();
		private final LongAdder ended = new LongAdder();
		private final LongAdder reconnects = new LongAdder();
		private final ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		private volatile boolean measuring;

		Counts(int subscribers) {
			this.perSubscriber = new AtomicLongArray(subscribers);
			this.allSubscribed = new CountDownLatch(subscribers);
		}

		void received(String text) {
			long now = System.currentTimeMillis();
			int id = Integer.parseInt(between(text, "\"id\":\"", "\""));
			if (perSubscriber.getAndIncrement(id) == 0) {
				subscribed.incrementAndGet();
				allSubscribed.countDown();
			}
			if (measuring && text.contains("\"body\":\"measured")) {
				OffsetDateTime occurred = OffsetDateTime.parse(between(text, "\"occurredAt\":\"", "\""));
				latencies.add(now - occurred.toInstant().toEpochMilli());
				measured.increment();
			}
		}

		void awaitSubscribed(Duration patience) throws InterruptedException {
			allSubscribed.await(patience.toMillis(), TimeUnit.MILLISECONDS);
		}

		void awaitAll(int expected, Duration patience) throws InterruptedException {
			long total = (long) expected * perSubscriber.length();
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
