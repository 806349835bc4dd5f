package io.redress.webhook;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * A brand's webhook endpoint as its owners and managers read it; never its secret, which is shown once.
 * {@code previousSecretExpiresAt} is set while a rotated-out secret still signs deliveries.
 */
record Webhook(long id, long brandId, String url, List<String> eventTypes, WebhookStatus status,
		OffsetDateTime createdAt, OffsetDateTime failingSince, OffsetDateTime disabledAt,
		OffsetDateTime previousSecretExpiresAt) {

	static final String TYPE = "Webhook";
}
