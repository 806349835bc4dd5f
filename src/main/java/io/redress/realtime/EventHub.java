package io.redress.realtime;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.redress.shared.ContinuousFlow;
import io.redress.shared.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * This node's tail of the event log. A wake-up (the sequencer's NOTIFY) or the poll makes it read what was numbered
 * since its last position, once for all local subscribers, and hand each event to every subscriber whose filter matches. A
 * subscriber that cannot keep up is closed on its own; nobody else waits for it.
 */
@Component
class EventHub extends ContinuousFlow {

	private static final Logger log = LoggerFactory.getLogger(EventHub.class);

	private final EventStore store;
	private final EventWakeUps wakeUps;
	private final RealtimeSettings settings;
	private final DatabaseOutage database;
	private final Set<LiveSubscriber> subscribers = ConcurrentHashMap.newKeySet();

	private volatile EventCursor position = EventCursor.START;
	/** Set once the head is read: a restarted tail goes on from its position, skipping nothing. */
	private volatile boolean started;

	EventHub(EventStore store, EventWakeUps wakeUps, RealtimeSettings settings, DatabaseOutage database) {
		this.store = store;
		this.wakeUps = wakeUps;
		this.settings = settings;
		this.database = database;
	}

	/** Registers a subscriber for live events; remove it with {@link #unregister(LiveSubscriber)}. */
	LiveSubscriber register(EventFilter filter) {
		LiveSubscriber subscriber = new LiveSubscriber(filter, settings.subscriberBuffer());
		subscribers.add(subscriber);
		return subscriber;
	}

	void unregister(LiveSubscriber subscriber) {
		subscribers.remove(subscriber);
	}

	int subscriberCount() {
		return subscribers.size();
	}

	/** From the log's head at start-up (live subscribers replay older events themselves), then every wake-up. */
	@Override
	protected Flux<?> flow() {
		Mono<Void> head = started ? Mono.empty() : store.head().doOnNext(cursor -> {
			position = cursor;
			started = true;
		}).then();
		return head.thenMany(Flux.merge(wakeUps.wakeUps(EventWakeUps.NUMBERED), Flux.interval(settings.pollInterval()).map(tick -> "poll")))
				.onBackpressureLatest()
				.concatMap(reason -> drain(), 1);
	}

	@Override
	protected String description() {
		return "Tailing the event log";
	}

	/** Reads and delivers everything readable after the current position, page by page. */
	private Mono<Void> drain() {
		return store.after(position, EventFilter.ALL, settings.replayPage())
				.doOnNext(this::deliver)
				.count()
				.expand(read -> read == settings.replayPage()
						? store.after(position, EventFilter.ALL, settings.replayPage()).doOnNext(this::deliver).count()
						: Mono.empty())
				.then()
				.onErrorResume(ex -> {
					// The poll meets an outage every second: the outage is logged once, not each time.
					if (!database.report(ex)) {
						log.warn("Reading the event log failed ({}); the next wake-up retries", ex.getMessage());
					}
					return Mono.empty();
				});
	}

	private void deliver(StoredEvent event) {
		position = event.cursor();
		for (LiveSubscriber subscriber : subscribers) {
			if (!subscriber.offer(event)) {
				subscribers.remove(subscriber);
			}
		}
	}

}
