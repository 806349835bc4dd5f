package io.redress.moderation;

/** The inputs of the moderation mutations, as GraphQL sends them. */
final class ModerationInputs {

	private ModerationInputs() {
	}

	record FlagContent(String targetId, FlagReason reason, String note) {
	}

	record HideFlaggedContent(String flagId) {
	}

	record RuleOnFlag(String flagId, Ruling ruling, String reason, String redactedText) {
	}

	record AppealRuling(String flagId, String note) {
	}
}
