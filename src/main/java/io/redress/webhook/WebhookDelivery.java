package io.redress.webhook;

import java.time.OffsetDateTime;

/**
 * One delivery of one event to one endpoint, with its last attempt: {@code eventId} is the {@code webhook-id} the
 * receiver de-duplicates on (the event's cursor), {@code attempt} the number of attempts so far.
 */
record WebhookDelivery(long id, long webhookId, String eventId, String eventType, DeliveryStatus status, int attempt,
		Integer responseCode, Integer durationMs, String error, OffsetDateTime createdAt, OffsetDateTime lastAttemptAt,
		OffsetDateTime nextAttemptAt, OffsetDateTime deliveredAt) {

	static final String TYPE = "WebhookDelivery";

	/** Where a delivery stands. */
	enum DeliveryStatus {
		/** Waiting for its first attempt or a retry. */
		PENDING,
		/** The receiver answered 2xx. */
		DELIVERED,
		/** Every retry failed; the endpoint went on with the next event. */
		FAILED
	}
}
