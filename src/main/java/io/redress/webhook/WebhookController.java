package io.redress.webhook;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import graphql.schema.DataFetchingEnvironment;
import io.redress.brand.Brand;
import io.redress.shared.Connection;
import io.redress.shared.PageRequest;
import io.redress.webhook.WebhookInputs.CreateWebhook;
import io.redress.webhook.WebhookInputs.RedeliverWebhookEvent;
import io.redress.webhook.WebhookInputs.UpdateWebhook;
import io.redress.webhook.WebhookInputs.WebhookRef;
import io.redress.webhook.WebhookPayloads.DeleteWebhookPayload;
import io.redress.webhook.WebhookPayloads.RedeliverWebhookEventPayload;
import io.redress.webhook.WebhookPayloads.WebhookPayload;
import io.redress.webhook.WebhookPayloads.WebhookSecretPayload;
import org.dataloader.DataLoader;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.stereotype.Controller;

/** Maps the webhook mutations, {@code Brand.webhooks} and {@code Webhook.deliveries} onto {@link WebhookManagement}. */
@Controller
class WebhookController {

	private static final String DELIVERIES_LOADER = "webhookDeliveries";

	private final WebhookManagement management;

	WebhookController(WebhookManagement management, DeliveryLog deliveries, BatchLoaderRegistry loaders) {
		this.management = management;
		// deliveries takes arguments, which @BatchMapping cannot pass: a keyed loader batches it instead, one
		// statement per distinct page in a request however many endpoints ask.
		loaders.<DeliveriesKey, Connection<WebhookDelivery>>forName(DELIVERIES_LOADER).registerMappedBatchLoader(
				(keys, env) -> Flux.fromIterable(keys.stream().collect(Collectors.groupingBy(DeliveriesKey::page))
						.entrySet())
						.concatMap(group -> deliveries.pages(group.getValue().stream().map(DeliveriesKey::webhookId)
								.toList(), group.getKey())
								.flatMapIterable(byWebhook -> group.getValue().stream()
										.map(key -> Map.entry(key, byWebhook.get(key.webhookId()))).toList()))
						.collectMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	@MutationMapping
	Mono<WebhookSecretPayload> createWebhook(@Argument CreateWebhook input) {
		return management.create(input);
	}

	@MutationMapping
	Mono<WebhookPayload> updateWebhook(@Argument UpdateWebhook input) {
		return management.update(input);
	}

	@MutationMapping
	Mono<DeleteWebhookPayload> deleteWebhook(@Argument WebhookRef input) {
		return management.delete(input);
	}

	@MutationMapping
	Mono<WebhookSecretPayload> rotateWebhookSecret(@Argument WebhookRef input) {
		return management.rotate(input);
	}

	@MutationMapping
	Mono<RedeliverWebhookEventPayload> redeliverWebhookEvent(@Argument RedeliverWebhookEvent input) {
		return management.redeliver(input);
	}

	// One statement for the caller's roles and one for the endpoints, for a whole page of brands.
	@BatchMapping(typeName = "Brand")
	Mono<Map<Brand, List<Webhook>>> webhooks(List<Brand> batch) {
		return management.ofBrands(batch);
	}

	@SchemaMapping(typeName = "Webhook")
	CompletableFuture<Connection<WebhookDelivery>> deliveries(Webhook webhook, @Argument Integer first,
			@Argument String after, DataFetchingEnvironment environment) {
		DataLoader<DeliveriesKey, Connection<WebhookDelivery>> loader = environment.getDataLoader(DELIVERIES_LOADER);
		return loader.load(new DeliveriesKey(webhook.id(), PageRequest.of(first, after)));
	}

	/** One endpoint's page of deliveries. */
	record DeliveriesKey(long webhookId, PageRequest page) {
	}
}
