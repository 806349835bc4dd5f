package io.redress.shared;

import java.net.ConnectException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import io.r2dbc.spi.Connection;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.R2dbcException;
import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientResourceException;
import io.r2dbc.spi.ValidationDepth;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Tells a database outage from every other failure, by exception type and SQLState: refused or dropped connections,
 * a server shutting down or not accepting connections. The first failure of an outage is logged once (see
 * {@link Outage}); a probe then checks the database every second and logs its return.
 */
@Component
public class DatabaseOutage implements DisposableBean {

	/** Connection failures, and the server ending or refusing sessions (57P01..03 shutdown, 53300 too many). */
	private static final Set<String> OUTAGE_STATES = Set.of("57P01", "57P02", "57P03", "53300", "55000");

	private static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);

	private final Outage outage = new Outage("database");
	private final ConnectionFactory connections;
	private volatile Disposable probe;

	DatabaseOutage(ConnectionFactory connections) {
		this.connections = connections;
	}

	/**
	 * Whether {@code ex} means the database could not be reached: the innermost R2DBC exception decides, and a
	 * timeout is never an outage (it is the statement's or the pool's time limit).
	 */
	public static boolean isOutage(Throwable ex) {
		R2dbcException driver = null;
		boolean refused = false;
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof TimeoutException || cause instanceof io.r2dbc.spi.R2dbcTimeoutException) {
				return false;
			}
			if (cause instanceof R2dbcException r2dbc) {
				driver = r2dbc;
			}
			refused |= cause instanceof ConnectException;
		}
		if (driver == null) {
			return refused;
		}
		String state = driver.getSqlState();
		if (state == null || state.isEmpty()) {
			// The driver's own connection failures (closed, refused, lost) carry no SQLState.
			return refused || driver instanceof R2dbcNonTransientResourceException
					|| driver instanceof R2dbcTransientResourceException;
		}
		return state.startsWith("08") || OUTAGE_STATES.contains(state);
	}

	/**
	 * Reports a failure: when it is an outage it is logged as one (a WARN only for the first) and true is returned,
	 * so the caller logs nothing itself; otherwise false.
	 */
	public boolean report(Throwable ex) {
		if (!isOutage(ex)) {
			return false;
		}
		if (outage.failed(ex)) {
			watchForRecovery();
		}
		return true;
	}

	public boolean isDown() {
		return outage.isDown();
	}

	private synchronized void watchForRecovery() {
		Disposable running = probe;
		if (running != null && !running.isDisposed()) {
			return;
		}
		probe = Flux.interval(PROBE_INTERVAL)
				.concatMap(tick -> reachable().onErrorResume(ex -> {
					outage.failed(ex);
					return Mono.just(false);
				}))
				.takeUntil(Boolean::booleanValue)
				.subscribe(ok -> {
					if (ok) {
						outage.reachable();
					}
				});
	}

	private Mono<Boolean> reachable() {
		return Mono.usingWhen(connections.create(), connection -> Mono.from(connection.validate(ValidationDepth.REMOTE)),
				Connection::close).timeout(PROBE_INTERVAL.multipliedBy(5));
	}

	@Override
	public void destroy() {
		Disposable running = probe;
		if (running != null) {
			running.dispose();
		}
	}
}
