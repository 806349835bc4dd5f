package io.redress.brand;

import java.util.Map;

import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.realtime.Visibility;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/** Writes a team change's event; call it inside the change's transaction. */
@Component
class TeamEvents {

	private final EventLog log;

	TeamEvents(EventLog log) {
		this.log = log;
	}

	/**
	 * A change to the brand's team; {@code role} is the role concerned. Who was concerned stays out of the payload:
	 * token subjects identify people, and the log keeps no personal data (an erasure could not reach it there).
	 */
	/** A change to the brand's own data (its settings, its saved replies), with no one named in it. */
	Mono<Void> append(BrandEventType type, long brandId) {
		return log.append(new NewEvent(type, brandId, null, null, Visibility.SYSTEM, Map.of()));
	}

	Mono<Void> append(BrandEventType type, long brandId, BrandRole role) {
		return log.append(new NewEvent(type, brandId, null, null, Visibility.SYSTEM, Map.of("role", role.name())));
	}
}
