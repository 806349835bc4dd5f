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

	/** {@code by} changed {@code subject}'s place in the brand's team; {@code role} is the role concerned. */
	Mono<Void> append(BrandEventType type, long brandId, String subject, BrandRole role, String by) {
		return log.append(new NewEvent(type, brandId, null, null, Visibility.SYSTEM,
				Map.of("subject", subject, "role", role.name(), "by", by)));
	}
}
