package io.redress.webhook;

import graphql.schema.idl.RuntimeWiring;
import io.redress.shared.GlobalId;
import io.redress.shared.PlainField;

import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.stereotype.Component;

/** The global ids of endpoints and deliveries, and a delivery's attempt count: plain fields, no handler per row. */
@Component
class WebhookFields implements RuntimeWiringConfigurer {

	@Override
	public void configure(RuntimeWiring.Builder wiring) {
		wiring.type("Webhook", type -> type.dataFetcher("id",
				PlainField.<Webhook>of(webhook -> GlobalId.encode(Webhook.TYPE, webhook.id()))));
		wiring.type("WebhookDelivery", type -> type.dataFetcher("id",
				PlainField.<WebhookDelivery>of(delivery -> GlobalId.encode(WebhookDelivery.TYPE, delivery.id()))));
	}
}
