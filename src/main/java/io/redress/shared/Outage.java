package io.redress.shared;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The log's account of one dependency's outages (the database, the token issuer): one WARN line when an outage
 * starts, one when it ends, and only DEBUG lines for the failures in between, however many requests meet it.
 */
public final class Outage {

	/**
	 * The WebSocket session attribute set when a connection is refused because a dependency is unreachable (its
	 * value names the dependency): the socket then closes with 1013, "try again later", not as unauthorized.
	 */
	public static final String REFUSED_BY = "io.redress.refusedBy";

	private static final Logger log = LoggerFactory.getLogger(Outage.class);

	private final String dependency;
	private final AtomicReference<Instant> since = new AtomicReference<>();

	public Outage(String dependency) {
		this.dependency = dependency;
	}

	/** Records a failure that shows the dependency is unreachable; true when it starts a new outage. */
	public boolean failed(Throwable cause) {
		if (since.compareAndSet(null, Instant.now())) {
			log.warn("{} unreachable: {}", dependency, reason(cause));
			return true;
		}
		log.debug("{} still unreachable: {}", dependency, reason(cause));
		return false;
	}

	/** Records that the dependency answered again; ends the outage, if there was one. */
	public void reachable() {
		Instant start = since.getAndSet(null);
		if (start != null) {
			log.warn("{} reachable again after {} s", dependency,
					Math.max(1, Duration.between(start, Instant.now()).toSeconds()));
		}
	}

	public boolean isDown() {
		return since.get() != null;
	}

	/** The innermost message, which names what failed (a refused connection, a database not accepting any). */
	static String reason(Throwable cause) {
		String reason = String.valueOf(cause);
		for (Throwable ex = cause; ex != null; ex = ex.getCause() == ex ? null : ex.getCause()) {
			if (ex.getMessage() != null) {
				reason = ex.getMessage();
			}
		}
		return reason;
	}
}
