package io.redress.webhook;

/** Whether an endpoint receives deliveries. */
enum WebhookStatus {

	ACTIVE,
	/** Switched off by a manager, or after failing for {@code redress.webhooks.disable-after}. */
	DISABLED
}
