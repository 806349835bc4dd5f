package io.redress.moderation;

import java.util.EnumSet;
import java.util.Set;

/** Why someone flagged content. */
enum FlagReason {

	PERSONAL_DATA, OFFENSIVE, NOT_A_REAL_CASE, THREAT_OR_EXTORTION, DUPLICATE, SPAM, OTHER;

	/**
	 * The only reasons for which a moderator may hide content at once, before ruling. Anything else stays visible
	 * while under review: hiding a negative review because the brand asked would be review suppression.
	 */
	private static final Set<FlagReason> HIDE_AT_ONCE = EnumSet.of(PERSONAL_DATA, THREAT_OR_EXTORTION);

	boolean allowsHidingAtOnce() {
		return HIDE_AT_ONCE.contains(this);
	}
}
