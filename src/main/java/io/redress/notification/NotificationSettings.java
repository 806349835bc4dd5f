package io.redress.notification;

import java.util.List;

/** A person's notification settings, as the schema's {@code NotificationSettings}. */
record NotificationSettings(String email, boolean emailFromToken, boolean digest, List<Preference> kinds) {

	/** Whether mails of one kind are sent. */
	record Preference(NotificationKind kind, boolean enabled) {
	}
}
