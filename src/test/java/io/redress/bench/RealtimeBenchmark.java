package io.redress.bench;

import java.net.URI;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import io.redress.complaint.ComplaintEventType;
import io.redress.realtime.EventLog;
import io.redress.realtime.EventType;
import io.redress.realtime.NewEvent;
import io.redress.realtime.Visibility;
import io.redress.shared.GlobalId;
import io.redress.thread.ThreadEventType;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

/**
 * Real-time benchmark (not a test): one server node, many WebSocket subscribers, events committed at a fixed rate.
 * Prints commit-to-client latency (p50, p99, max), deliveries per second, and heap per idle subscription.
 *
 * <pre>
 * ./mvnw -q spring-boot:test-run -Dspring-boot.run.main-class=io.redress.bench.RealtimeBenchmark \
 *   -Dspring-boot.run.arguments="10000 100 100 10 20"
 * </pre>
 * Arguments: idle subscriptions, sockets they share, measured subscribers, events per second, seconds.
 */
public final class RealtimeBenchmark {

	/** Real event types, as subscribers receive them: an assignment warms up, messages are measured. */
	private static final EventType WARM_UP = ComplaintEventType.COMPLAINT_ASSIGNED;
	private static final EventType MEASURED = ThreadEventType.MESSAGE_POSTED;

	private static final String SUBSCRIPTION = """
			subscription($id: ID!) { brandEvents(brandId: $id) { cursor type occurredAt } }""";

	public static void main(String[] args) throws Exception {
		int idle = arg(args, 0, 10_000);
		int sockets = arg(args, 1, 100);
		int measured = arg(args, 2, 100);
		int rate = arg(args, 3, 10);
		int seconds = arg(args, 4, 20);

		BenchServer bench = BenchServer.start(Map.of("redress.graphql.max-subscriptions-per-socket",
				String.valueOf(idle / sockets + measured + 1)));
		ConfigurableApplicationContext server = bench.context();
		String port = bench.port();
		long idleBrand = bench.brand("bench-idle");
		long liveBrand = bench.brand("bench-live");
		String token = bench.issuer().token("bench-agent");

		Runtime runtime = Runtime.getRuntime();
		long heapBefore = usedHeap(runtime);
		List<Disposable> subscriptions = new ArrayList<>();
		List<WebSocketGraphQlClient> clients = new ArrayList<>();
		for (int s = 0; s < sockets; s++) {
			clients.add(client(port, token));
		}
		AtomicLong idleReady = new AtomicLong();
		for (int i = 0; i < idle; i++) {
			subscriptions.add(subscribe(clients.get(i % sockets), GlobalId.encode("Brand", idleBrand))
					.doOnSubscribe(ignored -> idleReady.incrementAndGet()).subscribe());
		}
		Thread.sleep(Duration.ofSeconds(Math.max(5, idle / 1000)).toMillis());
		long heapAfter = usedHeap(runtime);

		ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
		Set<Integer> warmedUp = ConcurrentHashMap.newKeySet();
		WebSocketGraphQlClient liveClient = client(port, token);
		for (int i = 0; i < measured; i++) {
			int subscriber = i;
			subscriptions.add(subscribe(liveClient, GlobalId.encode("Brand", liveBrand))
					.doOnNext(event -> {
						if (WARM_UP.name().equals(event.get("type"))) {
							warmedUp.add(subscriber);
						}
						else {
							latencies.add(Duration.between(OffsetDateTime.parse((String) event.get("occurredAt")),
									OffsetDateTime.now()).toMillis());
						}
					})
					.subscribe());
		}

		EventLog log = server.getBean(EventLog.class);
		TransactionalOperator tx = server.getBean(TransactionalOperator.class);
		// The server sets subscriptions up in the order they arrive, behind the idle ones; measuring starts once every
		// measured subscriber has received a warm-up event, so none misses the first measured events.
		long warmUpDeadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
		while (warmedUp.size() < measured && System.nanoTime() < warmUpDeadline) {
			tx.transactional(log.append(event(WARM_UP, liveBrand))).block();
			Thread.sleep(500);
		}
		long start = System.nanoTime();
		AtomicLong committed = new AtomicLong();
		Flux.interval(Duration.ofMillis(1000 / Math.max(1, rate))).take((long) rate * seconds)
				.onBackpressureDrop()
				.concatMap(n -> tx.transactional(log.append(event(MEASURED, liveBrand)))
						.doOnSuccess(done -> committed.incrementAndGet()))
				.blockLast();
		Thread.sleep(2000);
		double elapsed = (System.nanoTime() - start) / 1e9;

		List<Long> sorted = new ArrayList<>(latencies);
		Collections.sort(sorted);
		System.out.printf("""
				Redress real-time benchmark
				  idle subscriptions held     %d over %d sockets (subscribed: %d)
				  heap per idle subscription  %.1f KB (client and server in one JVM, so an upper bound)
				  measured subscribers        %d (%d set up in time), events %d/s for %d s (%d committed)
				  deliveries                  %d of %d (%.0f per second)
				  commit-to-client latency    p50 %d ms, p99 %d ms, max %d ms
				""", idle, sockets, idleReady.get(), (heapAfter - heapBefore) / 1024.0 / Math.max(1, idle), measured,
				warmedUp.size(), rate, seconds, committed.get(), sorted.size(), committed.get() * measured,
				sorted.size() / elapsed, percentile(sorted, 50), percentile(sorted, 99),
				sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1));
		subscriptions.forEach(Disposable::dispose);
		bench.close();
		System.exit(0);
	}

	private static NewEvent event(EventType type, long brandId) {
		return new NewEvent(type, brandId, 0L, null, Visibility.PUBLIC, Map.of());
	}

	@SuppressWarnings("unchecked")
	private static Flux<Map<String, Object>> subscribe(WebSocketGraphQlClient client, String brandId) {
		return client.document(SUBSCRIPTION).variable("id", brandId).retrieveSubscription("brandEvents")
				.toEntity(Map.class).map(event -> (Map<String, Object>) event)
				.onErrorResume(ex -> {
					System.err.println("subscription ended: " + ex.getMessage());
					return Mono.empty();
				});
	}

	private static WebSocketGraphQlClient client(String port, String token) {
		return WebSocketGraphQlClient.builder(URI.create("ws://localhost:" + port + "/graphql"),
				new ReactorNettyWebSocketClient())
				.interceptor(new WebSocketGraphQlClientInterceptor() {
					@Override
					public Mono<Object> connectionInitPayload() {
						return Mono.just(Map.of("Authorization", "Bearer " + token));
					}
				})
				.build();
	}

	private static long usedHeap(Runtime runtime) throws InterruptedException {
		for (int i = 0; i < 3; i++) {
			System.gc();
			Thread.sleep(200);
		}
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static long percentile(List<Long> sorted, int percentile) {
		return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1, sorted.size() * percentile / 100));
	}

	private static int arg(String[] args, int index, int fallback) {
		return args.length > index ? Integer.parseInt(args[index]) : fallback;
	}
}
