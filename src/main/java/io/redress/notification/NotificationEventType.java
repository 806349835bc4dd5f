package io.redress.notification;

import io.redress.realtime.EventType;

/**
 * The events the notification module writes: facts for audits, about no complaint and naming nobody ({@code SYSTEM}
 * visibility: no subscription delivers them).
 */
public enum NotificationEventType implements EventType {

	/** A person changed their address, kinds or digest. */
	NOTIFICATION_SETTINGS_CHANGED,
	/** Someone followed a mail's one-click unsubscribe. */
	NOTIFICATION_UNSUBSCRIBED
}
