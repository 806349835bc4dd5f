package io.redress.webhook;

import java.util.Map;

import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;

/**
 * Tells a brand's owners and managers that one of its endpoints was disabled: a {@code WEBHOOK_DISABLED} event
 * addressed to each of them, in the transaction that disabled it, which their {@code viewerEvents} delivers.
 */
@Component
class DisabledNotices {

	private final DatabaseClient db;
	private final EventLog events;

	DisabledNotices(DatabaseClient db, EventLog events) {
		this.db = db;
		this.events = events;
	}

	Mono<Void> disabled(long brandId, long webhookId) {
		return db.sql("""
				SELECT p.profile_id FROM brand_roles r JOIN account_profiles p ON p.subject = r.subject
				WHERE r.brand_id = :brandId AND r.role IN ('OWNER', 'MANAGER') ORDER BY p.profile_id LIMIT 100""")
				.bind("brandId", brandId).map(row -> row.get("profile_id", Long.class)).all()
				.concatMap(manager -> events.append(new NewEvent(WebhookEventType.WEBHOOK_DISABLED, brandId, null,
						manager, WebhookEventType.WEBHOOK_DISABLED.visibility(), Map.of("webhookId", webhookId))))
				.then();
	}
}
