package io.redress.moderation;

/** Where a flag stands: waiting, ruled, ruled and appealed, or decided for good. */
enum FlagStatus {
	OPEN, RULED, APPEALED, FINAL
}
