package io.redress.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.redress.shared.DatabaseOutage;
import io.redress.webhook.DeliveryQueue.Endpoint;
import io.redress.webhook.DeliveryQueue.Pending;
import io.redress.webhook.WebhookClient.Attempt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Sends the deliveries that are due. Each node leases endpoints with work (at most
 * {@code redress.webhooks.max-concurrent-sends} at once), and sends each endpoint's deliveries one at a time in
 * their order: the next one only after this one was delivered or given up, so a receiver sees events in cursor
 * order. A failure is retried after the next of {@code redress.webhooks.retry-delays}; an endpoint that has failed
 * for {@code disable-after} is disabled. Woken by the planner when it plans deliveries, and by a poll.
 * On shutdown it takes no new endpoints and lets the attempts under way finish and be recorded, so a restart sends
 * nothing twice.
 */
@Component
@EnableConfigurationProperties(WebhookSettings.class)
class DeliverySender implements SmartLifecycle {

	/** Deliveries sent to one endpoint per lease before it goes back to the queue, so no endpoint holds a slot. */
	private static final int PER_LEASE = 100;

	/** Deliveries of one endpoint read at once; sent one by one, in their order. */
	private static final int READ_AHEAD = 10;

	private final Logger log = LoggerFactory.getLogger(getClass());

	private final DeliveryQueue queue;
	private final DeliveryLog deliveries;
	private final WebhookClient client;
	private final DisabledNotices notices;
	private final TransactionalOperator tx;
	private final WebhookSettings settings;
	private final Sinks.Many<Long> wakeUps = Sinks.many().multicast().directBestEffort();
	private final AtomicInteger inFlight = new AtomicInteger();

	private volatile boolean stopping;
	private volatile Disposable running;

	DeliverySender(DeliveryQueue queue, DeliveryLog deliveries, WebhookClient client, DisabledNotices notices,
			TransactionalOperator tx, WebhookSettings settings) {
		this.queue = queue;
		this.deliveries = deliveries;
		this.client = client;
		this.notices = notices;
		this.tx = tx;
		this.settings = settings;
	}

	/**
	 * Deliveries may be due: look now rather than at the next poll. A wake-up that meets another one being emitted is
	 * dropped: that one wakes the sender anyway, and the poll is there besides.
	 */
	void wake() {
		wakeUps.tryEmitNext(System.nanoTime());
	}

	@Override
	public void start() {
		if (!settings.sending()) {
			return;
		}
		stopping = false;
		Flux<Endpoint> leased = Flux.merge(Flux.interval(Duration.ZERO, settings.pollInterval()), wakeUps.asFlux())
				.onBackpressureLatest()
				.concatMap(tick -> lease(), 1);
		Flux<Long> purged = Flux.interval(Duration.ofMinutes(1), Duration.ofHours(1))
				.concatMap(tick -> deliveries.purge(settings.retention()).onErrorResume(this::logged));
		running = Flux.merge(leased.flatMap(this::serve, Integer.MAX_VALUE), purged).subscribe();
	}

	/** As many endpoints as there are free slots; the lease itself is one statement. */
	private Flux<Endpoint> lease() {
		int free = settings.maxConcurrentSends() - inFlight.get();
		if (stopping || free <= 0) {
			return Flux.empty();
		}
		return queue.lease(free, UUID.randomUUID(), settings.lease())
				.doOnNext(endpoint -> inFlight.incrementAndGet())
				.onErrorResume(this::logged);
	}

	/** Sends the endpoint's due deliveries in order while they succeed, then gives the endpoint back. */
	private Mono<Void> serve(Endpoint endpoint) {
		// Stop early enough that an attempt never outlives the lease: then nobody else can take the endpoint meanwhile.
		long deadline = System.nanoTime() + settings.lease().minus(settings.timeout().multipliedBy(2)).toNanos();
		// Given back even after an error, so the endpoint goes on at once rather than when the lease runs out.
		return next(endpoint, 0, deadline)
				.onErrorResume(this::logged)
				.then(Mono.defer(() -> tx.transactional(queue.release(endpoint))))
				.onErrorResume(this::logged)
				.doFinally(signal -> {
					inFlight.decrementAndGet();
					if (!stopping) {
						wake();
					}
				});
	}

	/** The endpoint's due deliveries, a few per read, each sent when the one before it was delivered. */
	private Mono<Void> next(Endpoint endpoint, int sent, long deadline) {
		if (sent >= PER_LEASE || stopping || System.nanoTime() > deadline) {
			return Mono.empty();
		}
		AtomicInteger delivered = new AtomicInteger();
		return queue.next(endpoint, READ_AHEAD)
				.concatMap(delivery -> stopping ? Mono.just(false) : attempt(endpoint, delivery))
				.takeUntil(ok -> !ok)
				.filter(ok -> ok)
				.doOnNext(ok -> delivered.incrementAndGet())
				.then(Mono.defer(() -> delivered.get() == READ_AHEAD
						? next(endpoint, sent + READ_AHEAD, deadline) : Mono.empty()));
	}

	/**
	 * One signed attempt, recorded; true when it was delivered and the lease still holds. A success is recorded by one
	 * statement on its own; a failure, which may disable the endpoint, in a transaction with the managers' notices.
	 * (A success thus takes none of the node's transaction slots, which the API's mutations need.)
	 */
	private Mono<Boolean> attempt(Endpoint endpoint, Pending delivery) {
		long timestamp = Instant.now().getEpochSecond();
		String signature = WebhookSignatures.header(endpoint.secrets(), delivery.eventId(), timestamp, delivery.body());
		return client.post(endpoint.url(), delivery.eventId(), timestamp, signature, delivery.body())
				.flatMap(attempt -> {
					Mono<Boolean> recorded = queue.record(endpoint, delivery, attempt, retryIn(attempt, delivery),
							settings.disableAfter());
					return attempt.delivered() ? recorded.map(disabled -> true)
							: tx.transactional(recorded.flatMap(disabled -> disabled
									? notices.disabled(endpoint.brandId(), endpoint.id()).thenReturn(false)
									: Mono.just(false)));
				})
				.defaultIfEmpty(false);
	}

	/** The wait before the next attempt; null when the delivery is done, delivered or given up. */
	private Duration retryIn(Attempt attempt, Pending delivery) {
		List<Duration> delays = settings.retryDelays();
		return attempt.delivered() || delivery.attempts() >= delays.size() ? null : delays.get(delivery.attempts());
	}

	private <T> Mono<T> logged(Throwable ex) {
		if (DatabaseOutage.isOutage(ex)) {
			log.debug("Webhook sending failed ({}); going on at the next poll", ex.getMessage());
		}
		else {
			log.warn("Webhook sending failed ({}); going on at the next poll", ex.getMessage());
		}
		return Mono.empty();
	}

	@Override
	public void stop(Runnable callback) {
		stopping = true;
		long deadline = System.nanoTime() + settings.timeout().plusSeconds(5).toNanos();
		Mono.defer(() -> Mono.just(inFlight.get()))
				.repeatWhen(repeat -> repeat.delayElements(Duration.ofMillis(50)))
				.takeUntil(count -> count == 0 || System.nanoTime() > deadline)
				.then()
				.doFinally(signal -> {
					Disposable flow = running;
					if (flow != null) {
						flow.dispose();
					}
					callback.run();
				})
				.subscribe();
	}

	@Override
	public void stop() {
		stop(() -> { });
	}

	@Override
	public boolean isRunning() {
		Disposable flow = running;
		return flow != null && !flow.isDisposed();
	}
}
