package io.redress.thread;

/**
 * A message as moderation needs it: its complaint, and who wrote it (the consumer, or a brand member or
 * integration named by their token subject; neither for Redress's own messages).
 */
public record FlaggableMessage(long id, long complaintId, boolean byConsumer, String authorSubject) {
}
