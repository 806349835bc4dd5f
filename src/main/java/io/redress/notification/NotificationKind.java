package io.redress.notification;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What a mail is about, and who gets it. Brand members opt in to their kinds; consumers get theirs unless they opt
 * out. A new kind joins here and in the schema's enum.
 */
enum NotificationKind {

	/** A complaint was filed against the brand. */
	NEW_COMPLAINT(Audience.BRAND),
	/** The consumer wrote in one of the brand's threads. */
	CONSUMER_REPLY(Audience.BRAND),
	/** A complaint's first-response or resolution target is near. */
	TARGET_DUE_SOON(Audience.BRAND),
	/** A complaint's first-response or resolution target passed. */
	TARGET_OVERDUE(Audience.BRAND),
	/**
	 * A complaint assigned to the member passed its first-response or resolution target: to the assignee in person,
	 * unless they opted out (or opted in to {@link #TARGET_OVERDUE}, which tells them already).
	 */
	ASSIGNED_OVERDUE(Audience.ASSIGNEE),
	/** The brand wrote in the consumer's thread. */
	BRAND_REPLY(Audience.CONSUMER),
	/** The brand proposed a resolution. */
	RESOLUTION_PROPOSED(Audience.CONSUMER),
	/** A proposal is accepted on the consumer's behalf in two days unless they answer. */
	PROPOSAL_REMINDER(Audience.CONSUMER),
	/** The consumer is asked whether the brand's resolution held. */
	FOLLOW_UP_DUE(Audience.CONSUMER),
	/** An unclaimed brand's public address is invited to claim it; not a person's preference. */
	BRAND_INVITATION(Audience.UNCLAIMED_BRAND);

	/** Who a kind goes to: the brand's members who opted in, a person unless they opted out, or a brand's address. */
	enum Audience {
		BRAND, CONSUMER, ASSIGNEE, UNCLAIMED_BRAND
	}

	private final Audience audience;

	NotificationKind(Audience audience) {
		this.audience = audience;
	}

	Audience audience() {
		return audience;
	}

	/** A person's preference for it: brand kinds are opted in to, consumer kinds opted out of. */
	boolean wanted(Set<String> optedIn, Set<String> optedOut) {
		return audience == Audience.BRAND ? optedIn.contains(name()) : !optedOut.contains(name());
	}

	/** The kinds a person chooses, in the schema's order. */
	static List<NotificationKind> preferences() {
		return Arrays.stream(values()).filter(kind -> kind.audience != Audience.UNCLAIMED_BRAND).toList();
	}
}
