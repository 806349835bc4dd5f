package io.redress.webhook;

import io.redress.realtime.EventType;
import io.redress.realtime.Visibility;

/** The events the webhook module writes. */
public enum WebhookEventType implements EventType {

	/** An endpoint failed for too long and was switched off: one to each of the brand's owners and managers. */
	WEBHOOK_DISABLED(Visibility.ADDRESSEE);

	private final Visibility visibility;

	WebhookEventType(Visibility visibility) {
		this.visibility = visibility;
	}

	public Visibility visibility() {
		return visibility;
	}
}
