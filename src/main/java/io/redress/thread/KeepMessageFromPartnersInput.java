package io.redress.thread;

/** The consumer keeps a private message from the partners in the case ({@code kept} true or not given), or shows it again. */
record KeepMessageFromPartnersInput(String messageId, Boolean kept) {
}
