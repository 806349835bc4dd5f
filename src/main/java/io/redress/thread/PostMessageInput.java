package io.redress.thread;

/**
 * Posts a message in a complaint's thread; the consumer may keep a private one from the partners in the case
 * ({@code keepFromPartners}, false when not given).
 */
record PostMessageInput(String complaintId, String body, MessageVisibility visibility, String idempotencyKey,
		Boolean keepFromPartners) {

	boolean kept() {
		return Boolean.TRUE.equals(keepFromPartners);
	}
}
