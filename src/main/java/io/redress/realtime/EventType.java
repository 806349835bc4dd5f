package io.redress.realtime;

/**
 * What kind of change an event records. Each module owns an enum of the types it writes and implements this; the log
 * stores the name, so readers compare with {@link StoredEvent#is(EventType)}, never with a string of their own.
 */
public interface EventType {

	/** The name stored in the log and shown to subscribers; an enum's constant name. */
	String name();
}
