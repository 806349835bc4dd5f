package io.redress.thread;

import java.time.OffsetDateTime;

import org.springframework.modulith.NamedInterface;

/**
 * A public message as anyone reads it, masked.
 *
 * @param authorKind {@code CONSUMER}, {@code BRAND} or {@code SYSTEM}
 */
@NamedInterface("read")
public record PublicMessage(long id, long complaintId, String authorKind, String authorName, String body,
		OffsetDateTime createdAt, boolean redacted) {

	public boolean fromBrand() {
		return "BRAND".equals(authorKind);
	}

	static PublicMessage of(Message message) {
		return new PublicMessage(message.id(), message.complaintId(), message.authorKind().name(),
				message.authorName(), message.body(), message.createdAt(), message.redacted());
	}
}
