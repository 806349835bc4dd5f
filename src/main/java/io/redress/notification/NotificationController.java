package io.redress.notification;

import io.redress.account.Profile;
import reactor.core.publisher.Mono;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.stereotype.Controller;

/** Maps {@code Viewer.notificationSettings} and {@code updateNotificationSettings} onto the preferences. */
@Controller
class NotificationController {

	private final NotificationPreferences preferences;

	NotificationController(NotificationPreferences preferences) {
		this.preferences = preferences;
	}

	@SchemaMapping(typeName = "Viewer")
	Mono<NotificationSettings> notificationSettings(Profile viewer) {
		return preferences.mine();
	}

	@MutationMapping
	Mono<NotificationSettingsPayload> updateNotificationSettings(@Argument UpdateNotificationSettingsInput input) {
		return preferences.update(input);
	}
}
