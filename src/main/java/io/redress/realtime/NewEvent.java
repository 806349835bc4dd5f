package io.redress.realtime;

import java.util.HashMap;
import java.util.Map;

/**
 * An event about to be appended: what happened, to which brand, complaint and consumer, who may read it, and a
 * small payload of ids and codes (never the content itself, which readers load with their own rights). An event
 * about a person rather than a brand (an erased consumer, say) has no brand.
 */
public record NewEvent(EventType type, Long brandId, Long complaintId, Long consumerId, Visibility visibility,
		Map<String, Object> payload) {

	public NewEvent {
		if (type == null) {
			throw new IllegalArgumentException("An event has a type");
		}
		payload = Map.copyOf(payload);
	}

	public static NewEvent about(EventType type, long brandId, long complaintId, long consumerId, Visibility visibility) {
		return new NewEvent(type, brandId, complaintId, consumerId, visibility, Map.of());
	}

	/** An event about a consumer as a whole, not about one brand or complaint. */
	public static NewEvent aboutConsumer(EventType type, long consumerId, Visibility visibility) {
		return new NewEvent(type, null, null, consumerId, visibility, Map.of());
	}

	public NewEvent with(String key, Object value) {
		HashMap<String, Object> more = new HashMap<>(payload);
		more.put(key, value);
		return new NewEvent(type, brandId, complaintId, consumerId, visibility, more);
	}
}
