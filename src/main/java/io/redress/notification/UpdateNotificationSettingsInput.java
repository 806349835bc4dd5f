package io.redress.notification;

import java.util.List;

/**
 * What to change: an address ({@code ""} goes back to the token's), the digest, and any kinds; what is left out stays
 * as it was.
 */
record UpdateNotificationSettingsInput(String email, Boolean digest, List<KindInput> kinds) {

	record KindInput(NotificationKind kind, boolean enabled) {
	}
}
