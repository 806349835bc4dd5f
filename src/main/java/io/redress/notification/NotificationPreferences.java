package io.redress.notification;

import java.util.List;
import java.util.Map;

import io.redress.realtime.EventLog;
import io.redress.realtime.NewEvent;
import io.redress.realtime.Visibility;
import io.redress.security.CurrentViewer;
import io.redress.shared.EmailAddress;
import io.redress.shared.InputCheck;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Each signed-in person's own notification settings: read them, change them. Nobody reads another's. */
@Service
class NotificationPreferences {

	private final Recipients recipients;
	private final EventLog events;
	private final TransactionalOperator tx;

	NotificationPreferences(Recipients recipients, EventLog events, TransactionalOperator tx) {
		this.recipients = recipients;
		this.events = events;
		this.tx = tx;
	}

	Mono<NotificationSettings> mine() {
		return CurrentViewer.required().flatMap(viewer -> recipients.find(viewer.subject()))
				.map(Recipient::settings);
	}

	Mono<NotificationSettingsPayload> update(UpdateNotificationSettingsInput input) {
		return CurrentViewer.required().flatMap(viewer -> {
			boolean backToToken = input.email() != null && input.email().isBlank();
			InputCheck check = new InputCheck().optionalEmail("email", backToToken ? null : input.email());
			if (check.failed()) {
				return Mono.just(NotificationSettingsPayload.failed(check.errors()));
			}
			return tx.transactional(recipients.lock(viewer.subject()).flatMap(stored -> {
				Recipient changed = changed(stored, input, backToToken);
				return recipients.save(changed).then(events.append(new NewEvent(
						NotificationEventType.NOTIFICATION_SETTINGS_CHANGED, null, null, null, Visibility.SYSTEM,
						Map.of()))).thenReturn(NotificationSettingsPayload.ok(changed.settings()));
			}));
		});
	}

	/** What a one-click unsubscribe link stops, for good; nothing to check but its signature. */
	Mono<Void> unsubscribe(UnsubscribeLinks.Target target) {
		Mono<Void> change = target.invitedEmail() != null ? recipients.refuseInvitations(target.invitedEmail())
				: recipients.lock(target.subject()).flatMap(stored -> {
					Recipient changed = stored;
					for (NotificationKind kind : target.kind() == null ? NotificationKind.preferences()
							: List.of(target.kind())) {
						changed = changed.with(kind, false);
					}
					return recipients.save(changed);
				});
		return tx.transactional(change.then(events.append(new NewEvent(NotificationEventType.NOTIFICATION_UNSUBSCRIBED,
				null, null, null, Visibility.SYSTEM, Map.of()))));
	}

	private static Recipient changed(Recipient stored, UpdateNotificationSettingsInput input, boolean backToToken) {
		String chosen = backToToken ? null
				: input.email() == null ? stored.chosenEmail() : EmailAddress.parse(input.email()).orElseThrow();
		Recipient changed = new Recipient(stored.subject(), stored.tokenEmail(), chosen,
				input.digest() == null ? stored.digest() : input.digest(), stored.optedIn(), stored.optedOut());
		for (UpdateNotificationSettingsInput.KindInput kind : input.kinds() == null
				? List.<UpdateNotificationSettingsInput.KindInput>of() : input.kinds()) {
			changed = changed.with(kind.kind(), kind.enabled());
		}
		return changed;
	}
}
