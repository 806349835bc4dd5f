package io.redress.webhook;

import java.util.List;

/** The inputs of the webhook mutations, as the schema declares them. */
final class WebhookInputs {

	private WebhookInputs() {
	}

	record CreateWebhook(String brandId, String url, List<String> eventTypes) {
	}

	record UpdateWebhook(String webhookId, String url, List<String> eventTypes, Boolean enabled) {
	}

	record WebhookRef(String webhookId) {
	}

	record RedeliverWebhookEvent(String deliveryId) {
	}
}
