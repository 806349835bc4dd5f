package io.redress.thread;

import java.time.OffsetDateTime;

import io.redress.shared.TextMask;

/** One message in a complaint's thread, with the name it shows under. */
record Message(long id, long complaintId, AuthorKind authorKind, String authorName, MessageVisibility visibility,
		String body, OffsetDateTime createdAt) {

	public static final String TYPE = "Message";

	public enum AuthorKind {
		CONSUMER, BRAND, SYSTEM
	}

	Message masked() {
		return new Message(id, complaintId, authorKind, authorName, visibility, TextMask.mask(body), createdAt);
	}
}
