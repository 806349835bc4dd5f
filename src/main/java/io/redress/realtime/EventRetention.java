package io.redress.realtime;

import java.time.OffsetDateTime;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Deletes events older than the retention; cursors pointing at them then get a clear "expired" error. */
@Component
class EventRetention {

	private static final Logger log = LoggerFactory.getLogger(EventRetention.class);

	/** Events deleted per statement: each batch stays far inside the statement timeout. */
	static final int BATCH = 5_000;

	private final EventStore store;
	private final RealtimeSettings settings;

	EventRetention(EventStore store, RealtimeSettings settings) {
		this.store = store;
		this.settings = settings;
	}

	@Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT1M")
	Mono<Void> purge() {
		OffsetDateTime before = OffsetDateTime.now().minus(settings.retention());
		return store.purgeBefore(before, BATCH)
				.expand(purged -> purged < BATCH ? Mono.empty() : store.purgeBefore(before, BATCH))
				.reduce(0L, Long::sum)
				.filter(purged -> purged > 0)
				.doOnNext(purged -> log.info("Purged {} events older than {}", purged, settings.retention()))
				.then()
				.onErrorResume(ex -> {
					log.warn("Purging old events failed ({}); the next run retries", ex.getMessage());
					return Mono.empty();
				});
	}
}
