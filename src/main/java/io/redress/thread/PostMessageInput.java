package io.redress.thread;

/** Posts a message in a complaint's thread. */
record PostMessageInput(String complaintId, String body, MessageVisibility visibility, String idempotencyKey) {
}
