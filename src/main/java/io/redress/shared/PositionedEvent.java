package io.redress.shared;

/**
 * An event a subscription sends, with its position in the event log. Subscribers that share one execution of their
 * subscription (see the GraphQL layer's shared subscriptions) need it to hand a resuming subscriber over from its own
 * replay to the shared stream without a gap or a duplicate.
 */
public interface PositionedEvent {

	/** The event's position in the log; negative when it has none. */
	long logPosition();
}
