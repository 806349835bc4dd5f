package io.redress.realtime;

import java.time.Duration;

import io.r2dbc.postgresql.api.PostgresqlConnection;
import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.redress.shared.DatabaseOutage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

import org.springframework.boot.r2dbc.autoconfigure.R2dbcProperties;
import org.springframework.stereotype.Component;

/**
 * Wake-ups from PostgreSQL: {@code LISTEN} on a dedicated connection per channel (outside the pool, which would hand it to
 * others). It emits once on every (re)connect too, so a reader catches up on whatever committed while it was away;
 * a dropped connection is re-established with back-off.
 */
@Component
class EventWakeUps {

	/** Notified by every append (the name is the one nodes before the sequencer listen on too). */
	static final String APPENDED = "redress_events";

	/** Notified when the sequencer has given events their positions: what every node's tail waits for. */
	static final String NUMBERED = "redress_events_numbered";

	private static final Logger log = LoggerFactory.getLogger(EventWakeUps.class);

	private final ConnectionFactoryOptions options;
	private final DatabaseOutage database;

	EventWakeUps(R2dbcProperties properties, DatabaseOutage database) {
		this.database = database;
		ConnectionFactoryOptions.Builder builder = ConnectionFactoryOptions.parse(properties.getUrl()).mutate();
		if (properties.getUsername() != null) {
			builder.option(ConnectionFactoryOptions.USER, properties.getUsername());
		}
		if (properties.getPassword() != null) {
			builder.option(ConnectionFactoryOptions.PASSWORD, properties.getPassword());
		}
		this.options = builder.build();
	}

	/** Wake-ups on one channel, each of its own dedicated connection. */
	Flux<String> wakeUps(String channel) {
		return Flux.usingWhen(Mono.from(ConnectionFactories.get(options).create()).cast(PostgresqlConnection.class),
				connection -> connection.createStatement("LISTEN " + channel).execute()
						.flatMap(result -> result.getRowsUpdated()).then()
						.thenMany(Flux.concat(Flux.just("connected"),
								connection.getNotifications().map(notification -> "notified"))),
				connection -> connection.close())
				.doOnError(ex -> {
					if (!database.report(ex)) {
						log.warn("Event wake-ups lost ({}); reconnecting", ex.getMessage());
					}
				})
				.retryWhen(Retry.backoff(Long.MAX_VALUE, Duration.ofMillis(200)).maxBackoff(Duration.ofSeconds(10)))
				// A connection closed by the server ends the notifications without an error: listen again.
				.repeatWhen(completions -> completions.delayElements(Duration.ofSeconds(1)));
	}
}
