package io.redress.webhook;

import java.util.List;

import io.redress.shared.UserError;

/** The payloads of the webhook mutations: the result, or why nothing changed. */
final class WebhookPayloads {

	private WebhookPayloads() {
	}

	/** {@code secret} is set only by a creation or a rotation, the one time it is shown. */
	record WebhookSecretPayload(Webhook webhook, String secret, List<UserError> userErrors) {

		static WebhookSecretPayload failed(List<UserError> errors) {
			return new WebhookSecretPayload(null, null, errors);
		}
	}

	record WebhookPayload(Webhook webhook, List<UserError> userErrors) {

		static WebhookPayload failed(List<UserError> errors) {
			return new WebhookPayload(null, errors);
		}
	}

	record DeleteWebhookPayload(String deletedWebhookId, List<UserError> userErrors) {
	}

	record RedeliverWebhookEventPayload(WebhookDelivery delivery, List<UserError> userErrors) {
	}
}
