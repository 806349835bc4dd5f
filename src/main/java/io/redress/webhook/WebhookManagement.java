package io.redress.webhook;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.redress.brand.Brand;
import io.redress.brand.BrandDirectory;
import io.redress.security.CurrentViewer;
import io.redress.security.Viewer;
import io.redress.shared.ForbiddenException;
import io.redress.shared.GlobalId;
import io.redress.shared.NotFoundException;
import io.redress.shared.UserError;
import io.redress.webhook.WebhookInputs.CreateWebhook;
import io.redress.webhook.WebhookInputs.RedeliverWebhookEvent;
import io.redress.webhook.WebhookInputs.UpdateWebhook;
import io.redress.webhook.WebhookInputs.WebhookRef;
import io.redress.webhook.WebhookPayloads.DeleteWebhookPayload;
import io.redress.webhook.WebhookPayloads.RedeliverWebhookEventPayload;
import io.redress.webhook.WebhookPayloads.WebhookPayload;
import io.redress.webhook.WebhookPayloads.WebhookSecretPayload;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Brands' webhook endpoints: their owners and managers (and platform admins) create, change, delete them, rotate
 * their secrets, read their deliveries and send an event again. An endpoint or delivery of a brand the caller does
 * not manage answers exactly like one that does not exist.
 */
@Service
class WebhookManagement {

	static final int MAX_PER_BRAND = 20;
	static final Duration SECRET_OVERLAP = Duration.ofHours(24);

	/** Notices addressed to one person: no brand's integration receives them, so no webhook does. */
	private static final Set<String> PERSONAL_NOTICES = Set.of("CONTENT_HIDDEN", "FLAG_RULED", "APPEAL_DECIDED",
			WebhookEventType.WEBHOOK_DISABLED.name());

	private final Webhooks webhooks;
	private final DeliveryLog deliveries;
	private final WebhookUrls urls;
	private final BrandDirectory brands;
	private final TransactionalOperator tx;

	WebhookManagement(Webhooks webhooks, DeliveryLog deliveries, WebhookUrls urls, BrandDirectory brands,
			TransactionalOperator tx) {
		this.webhooks = webhooks;
		this.deliveries = deliveries;
		this.urls = urls;
		this.brands = brands;
		this.tx = tx;
	}

	Mono<WebhookSecretPayload> create(CreateWebhook input) {
		return CurrentViewer.required().flatMap(viewer -> brand(input.brandId())
				.flatMap(brand -> mayManage(viewer, brand.id()).flatMap(may -> {
					if (!may) {
						return Mono.error(new ForbiddenException("Only the brand's owners and managers manage its webhooks"));
					}
					return check(input.url(), input.eventTypes(), true).flatMap(errors -> {
						if (!errors.isEmpty()) {
							return Mono.just(WebhookSecretPayload.failed(errors));
						}
						String secret = WebhookSignatures.newSecret();
						return tx.transactional(webhooks.countOf(brand.id()).flatMap(count -> count >= MAX_PER_BRAND
								? Mono.just(WebhookSecretPayload.failed(List.of(UserError.of("brandId",
										"TOO_MANY_WEBHOOKS", "A brand has at most " + MAX_PER_BRAND + " webhooks"))))
								: webhooks.insert(brand.id(), input.url().strip(), distinct(input.eventTypes()), secret)
										.map(webhook -> new WebhookSecretPayload(webhook, secret,
												List.of()))));
					});
				})));
	}

	Mono<WebhookPayload> update(UpdateWebhook input) {
		return check(input.url(), input.eventTypes(), false).flatMap(errors -> !errors.isEmpty()
				? Mono.just(WebhookPayload.failed(errors))
				: managed(input.webhookId(), webhook -> {
					Mono<Webhook> changed = input.url() == null && input.eventTypes() == null ? Mono.just(webhook)
							: webhooks.update(webhook.id(), input.url() == null ? webhook.url() : input.url().strip(),
									input.eventTypes() == null ? webhook.eventTypes() : distinct(input.eventTypes()));
					return changed.flatMap(current -> input.enabled() == null ? Mono.just(current)
							: input.enabled() ? webhooks.enable(current.id()) : webhooks.disable(current.id()))
							.map(current -> new WebhookPayload(current, List.of()));
				}));
	}

	Mono<DeleteWebhookPayload> delete(WebhookRef input) {
		return managed(input.webhookId(), webhook -> webhooks.delete(webhook.id())
				.thenReturn(new DeleteWebhookPayload(GlobalId.encode(Webhook.TYPE, webhook.id()), List.of())));
	}

	Mono<WebhookSecretPayload> rotate(WebhookRef input) {
		String secret = WebhookSignatures.newSecret();
		return managed(input.webhookId(), webhook -> webhooks.rotate(webhook.id(), secret, SECRET_OVERLAP)
				.map(rotated -> new WebhookSecretPayload(rotated, secret, List.of())));
	}

	Mono<RedeliverWebhookEventPayload> redeliver(RedeliverWebhookEvent input) {
		long deliveryId = GlobalId.decode(input.deliveryId(), WebhookDelivery.TYPE)
				.orElseThrow(() -> new NotFoundException("Webhook delivery"));
		return deliveries.byId(deliveryId)
				.switchIfEmpty(Mono.error(() -> new NotFoundException("Webhook delivery")))
				.flatMap(delivery -> managed(GlobalId.encode(Webhook.TYPE, delivery.webhookId()),
						webhook -> deliveries.redeliver(delivery)
								.map(copy -> new RedeliverWebhookEventPayload(copy, List.of()))));
	}

	/** The endpoints of each brand the caller manages; none for the others. One statement for the roles, one for all. */
	Mono<Map<Brand, List<Webhook>>> ofBrands(List<Brand> batch) {
		return CurrentViewer.get().flatMap(viewer -> {
			List<Long> ids = batch.stream().map(Brand::id).distinct().toList();
			Mono<List<Long>> managed = !viewer.isAuthenticated() ? Mono.just(List.<Long>of())
					: viewer.isAdmin() ? Mono.just(ids)
					: brands.rolesOf(viewer.subject(), ids).map(roles -> ids.stream()
							.filter(id -> roles.containsKey(id) && roles.get(id).manages()).toList());
			return managed.flatMap(visible -> visible.isEmpty() ? Mono.just(Map.<Long, Collection<Webhook>>of())
					: webhooks.ofBrands(visible).collectMultimap(Webhook::brandId))
					.map(byBrand -> batch.stream().distinct().collect(Collectors.toMap(Function.identity(),
							brand -> List.copyOf(byBrand.getOrDefault(brand.id(), List.of())))));
		});
	}

	/**
	 * Runs {@code change} on the endpoint, locked in a transaction, when the caller manages its brand; one they may
	 * not manage is not found, as a missing one.
	 */
	private <T> Mono<T> managed(String webhookId, Function<Webhook, Mono<T>> change) {
		long id = GlobalId.decode(webhookId, Webhook.TYPE).orElseThrow(() -> new NotFoundException("Webhook"));
		return CurrentViewer.required().flatMap(viewer -> tx.transactional(webhooks.lock(id)
				.filterWhen(webhook -> mayManage(viewer, webhook.brandId()))
				.switchIfEmpty(Mono.error(() -> new NotFoundException("Webhook")))
				.flatMap(change)));
	}

	private Mono<Boolean> mayManage(Viewer viewer, long brandId) {
		return viewer.isAdmin() ? Mono.just(true)
				: brands.rolesOf(viewer.subject(), List.of(brandId))
						.map(roles -> roles.containsKey(brandId) && roles.get(brandId).manages());
	}

	private Mono<Brand> brand(String brandId) {
		return GlobalId.decode(brandId, Brand.TYPE).map(brands::byId).orElseGet(Mono::empty)
				.switchIfEmpty(Mono.error(() -> new NotFoundException("Brand")));
	}

	/** The user errors of a URL and event types; on an update, what is left out is not checked. */
	private Mono<List<UserError>> check(String url, List<String> eventTypes, boolean required) {
		List<UserError> errors = new ArrayList<>();
		if (eventTypes != null || required) {
			if (eventTypes == null || eventTypes.isEmpty()) {
				errors.add(UserError.of("eventTypes", "BLANK", "eventTypes must name at least one event type"));
			}
			else {
				eventTypes.stream().filter(PERSONAL_NOTICES::contains).distinct().forEach(type -> errors.add(UserError
						.of("eventTypes", "UNSUPPORTED_EVENT_TYPE", type + " is addressed to one person and is never sent to a webhook")));
			}
		}
		Mono<List<UserError>> urlErrors = url == null && !required ? Mono.just(List.of()) : urls.check("url", url);
		return urlErrors.map(more -> {
			List<UserError> all = new ArrayList<>(more);
			all.addAll(errors);
			return List.copyOf(all);
		});
	}

	private static List<String> distinct(List<String> eventTypes) {
		return eventTypes.stream().distinct().sorted().toList();
	}
}
