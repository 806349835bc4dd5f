package io.redress.notification;

import java.util.List;

import io.redress.shared.UserError;

/** The answer to {@code updateNotificationSettings}: the settings as they now are, or what was wrong. */
record NotificationSettingsPayload(NotificationSettings settings, List<UserError> userErrors) {

	static NotificationSettingsPayload ok(NotificationSettings settings) {
		return new NotificationSettingsPayload(settings, List.of());
	}

	static NotificationSettingsPayload failed(List<UserError> errors) {
		return new NotificationSettingsPayload(null, errors);
	}
}
