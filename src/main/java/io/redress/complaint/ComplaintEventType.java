package io.redress.complaint;

import io.redress.realtime.EventType;
import io.redress.realtime.Visibility;

/**
 * The events the complaint module writes, each with who may read it. All but the system fact are delivered to
 * subscribers as values of the schema's {@code ComplaintEventType}.
 */
public enum ComplaintEventType implements EventType {

	COMPLAINT_FILED(Visibility.PUBLIC),
	RESOLUTION_PROPOSED(Visibility.PUBLIC),
	RESOLUTION_ACCEPTED(Visibility.PUBLIC),
	RESOLUTION_REJECTED(Visibility.PUBLIC),
	COMPLAINT_RESOLVED(Visibility.PUBLIC),
	COMPLAINT_UNRESOLVED(Visibility.PUBLIC),
	/** Only participants see that a complaint was withdrawn, as only they still see the complaint. */
	COMPLAINT_WITHDRAWN(Visibility.PARTICIPANTS),
	COMPLAINT_REOPENED(Visibility.PUBLIC),
	RESOLUTION_RATED(Visibility.PUBLIC),
	/** Internal brand work: the brand's members and moderators only. */
	COMPLAINT_ASSIGNED(Visibility.BRAND),
	/** The brand brought a partner into the case (payload: partnerBrandId); public, as the complaint shows its partners. */
	PARTNER_INVOLVED(Visibility.PUBLIC),
	/** A partner declined to take part, with a reason (payload: partnerBrandId); participants only. */
	PARTNER_DECLINED(Visibility.PARTICIPANTS),
	/** A moderator hid, redacted, removed or restored the complaint; participants are told, the public sees the effect. */
	COMPLAINT_MODERATED(Visibility.PARTICIPANTS),
	/** A target (payload {@code target}: FIRST_RESPONSE or RESOLUTION) passes soon: the brand's members only. */
	DUE_SOON(Visibility.BRAND),
	/** The first-response target passed without a brand reply: the brand's members only. */
	FIRST_RESPONSE_OVERDUE(Visibility.BRAND),
	/** The resolution target passed with the complaint still running: the brand's members only. */
	RESOLUTION_OVERDUE(Visibility.BRAND),
	/** The consumer is asked whether the resolution held; the brand sees the question too. */
	FOLLOW_UP_DUE(Visibility.PARTICIPANTS),
	/** The consumer answered the follow-up (payload {@code held}); the answer is public. */
	FOLLOW_UP_ANSWERED(Visibility.PUBLIC),
	/**
	 * The brand's first response was stamped (by its first message or a proposal): the response-time clock stopped.
	 * Subscribers learn of it from the message or proposal event itself; this fact is for modules such as the score.
	 */
	FIRST_RESPONSE_RECORDED(Visibility.SYSTEM),
	/**
	 * The consumer erased their account and their complaints were anonymised. It is about the consumer, not one
	 * brand or complaint, and carries no payload; it ends the subscriptions they held as that consumer.
	 */
	CONSUMER_ERASED(Visibility.SYSTEM);

	private final Visibility visibility;

	ComplaintEventType(Visibility visibility) {
		this.visibility = visibility;
	}

	public Visibility visibility() {
		return visibility;
	}
}
