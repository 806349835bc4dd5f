package io.redress.moderation;

/** A signal rule as the public reads it: its name, what it looks for with the thresholds in force, whether it is on. */
record SignalRuleInfo(SignalRule name, String description, boolean enabled) {

	static SignalRuleInfo of(SignalRule rule, SignalSettings settings) {
		return new SignalRuleInfo(rule, rule.description(settings), rule.enabled(settings));
	}
}
