package io.redress.moderation;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;

/**
 * Writes the moderation module's events in the caller's transaction. A notice is one event per person told (the log's
 * consumer id is then their profile, and {@code viewerEvents} delivers it to them alone); facts are one event.
 */
@Component
class ModerationNotices {

	private final EventLog events;

	ModerationNotices(EventLog events) {
		this.events = events;
	}

	/**
	 * A notice to the author of the flagged content and, when {@code toFlagger}, to the flagger (a signal's flag has
	 * none): once each.
	 */
	Mono<Void> tell(ModerationEventType type, Flag flag, boolean toFlagger) {
		Set<Long> addressees = new LinkedHashSet<>();
		if (flag.authorId() != null) {
			addressees.add(flag.authorId());
		}
		if (toFlagger && flag.flaggerId() != null) {
			addressees.add(flag.flaggerId());
		}
		return Flux.fromIterable(addressees).concatMap(profileId -> events.append(event(type, flag, profileId))).then();
	}

	/** A fact about the flag for the modules following the log; nobody receives it. */
	Mono<Void> record(ModerationEventType type, Flag flag) {
		return events.append(event(type, flag, null));
	}

	private static NewEvent event(ModerationEventType type, Flag flag, Long addressee) {
		NewEvent event = new NewEvent(type, flag.brandId(), flag.complaintId(), addressee, type.visibility(),
				Map.of("flagId", flag.id()));
		return flag.targetKind() == Flag.TargetKind.MESSAGE ? event.with("messageId", flag.targetId()) : event;
	}
}
