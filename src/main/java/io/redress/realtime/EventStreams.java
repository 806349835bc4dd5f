package io.redress.realtime;

import java.util.concurrent.atomic.AtomicReference;

import io.redress.shared.BadRequestException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Event streams for subscribers: with a cursor, the stored events after it, then live ones. The live buffer is
 * registered before the replay starts and every event passes a "strictly after the last one sent" check, so the
 * hand-over has no gap (the replay reaches at least as far as the hub had read) and no duplicate.
 */
@Component
@EnableConfigurationProperties(RealtimeSettings.class)
public class EventStreams {

	private final EventHub hub;
	private final EventStore store;
	private final RealtimeSettings settings;

	EventStreams(EventHub hub, EventStore store, RealtimeSettings settings) {
		this.hub = hub;
		this.store = store;
		this.settings = settings;
	}

	/** Events matching {@code filter}: after {@code after} (an opaque cursor) when given, otherwise from now on. */
	public Flux<StoredEvent> follow(EventFilter filter, String after) {
		if (after == null) {
			return live(filter, EventCursor.START, Flux.empty());
		}
		return resumable(after).flatMapMany(cursor -> live(filter, cursor, replay(filter, cursor)));
	}

	/**
	 * Every event after a log follower's stored position, then live ones. {@link EventCursor#START} (a follower that
	 * never applied a batch) means from the present, so a follower switched on for the first time does not act on
	 * the past; a position older than the events kept goes on from the oldest kept.
	 */
	public Flux<StoredEvent> followFromStored(EventCursor position) {
		if (position.equals(EventCursor.START)) {
			return follow(EventFilter.ALL, null);
		}
		return follow(EventFilter.ALL, position.encoded())
				.onErrorResume(ExpiredCursorException.class, ex -> follow(EventFilter.ALL, EventCursor.START.encoded()));
	}

	/**
	 * Where a client's cursor resumes: its position while its event is kept. A cursor from before the upgrade
	 * resumes at its event's position when the upgrade numbered that event; any other is refused as expired, as
	 * one past retention is: it cannot resume without a possible gap, and the client reloads instead.
	 */
	private Mono<EventCursor> resumable(String after) {
		EventCursor cursor = EventCursor.decode(after).orElse(null);
		if (cursor != null) {
			return cursor.equals(EventCursor.START) ? Mono.just(cursor)
					: store.contains(cursor).flatMap(kept -> kept ? Mono.just(cursor) : expired());
		}
		LegacyCursor legacy = LegacyCursor.decode(after)
				.orElseThrow(() -> new BadRequestException("after is not an event cursor"));
		return legacy.isStart() ? Mono.just(EventCursor.START)
				: store.positionOf(legacy).switchIfEmpty(expired());
	}

	private static Mono<EventCursor> expired() {
		return Mono.error(new ExpiredCursorException());
	}

	private Flux<StoredEvent> live(EventFilter filter, EventCursor from, Flux<StoredEvent> replay) {
		return Flux.defer(() -> {
			LiveSubscriber subscriber = hub.register(filter);
			AtomicReference<EventCursor> last = new AtomicReference<>(from);
			return Flux.concat(replay, subscriber.events())
					.filter(event -> event.cursor().isAfter(last.get()))
					.doOnNext(event -> last.set(event.cursor()))
					.doFinally(signal -> hub.unregister(subscriber));
		});
	}

	private Flux<StoredEvent> replay(EventFilter filter, EventCursor from) {
		int page = settings.replayPage();
		return store.after(from, filter, page).collectList()
				.expand(events -> events.size() < page ? Mono.empty()
						: store.after(events.get(events.size() - 1).cursor(), filter, page).collectList())
				.concatMapIterable(events -> events);
	}
}
