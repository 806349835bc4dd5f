package io.redress.shared;

import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.util.retry.Retry;

import org.springframework.context.SmartLifecycle;

/**
 * Work that follows a stream for as long as the application runs (the event log's tail, the score keeper, the
 * widget cache's invalidations): started with the application, started again with back-off whenever it fails, and
 * stopped on shutdown.
 */
public abstract class ContinuousFlow implements SmartLifecycle {

	private final Logger log = LoggerFactory.getLogger(getClass());

	private volatile Disposable running;

	/** The stream to follow; subscribed to again, from this method, after each failure. */
	protected abstract Flux<?> flow();

	/** What the flow does, for the log line of a failure ("Score keeping", say). */
	protected abstract String description();

	/** Whether this node runs the flow at all. */
	protected boolean enabled() {
		return true;
	}

	@Override
	public void start() {
		if (!enabled()) {
			return;
		}
		running = Flux.defer(this::flow)
				.doOnError(ex -> {
					// A database outage is logged once by DatabaseOutage, whoever meets it first.
					if (DatabaseOutage.isOutage(ex)) {
						log.debug("{} failed ({}); starting again", description(), ex.getMessage());
					}
					else {
						log.warn("{} failed ({}); starting again", description(), ex.getMessage());
					}
				})
				.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(100)).maxBackoff(Duration.ofSeconds(10)))
				.subscribe();
	}

	@Override
	public void stop() {
		Disposable flow = running;
		if (flow != null) {
			flow.dispose();
		}
	}

	@Override
	public boolean isRunning() {
		Disposable flow = running;
		return flow != null && !flow.isDisposed();
	}
}
