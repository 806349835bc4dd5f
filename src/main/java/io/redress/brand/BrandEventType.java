package io.redress.brand;

import io.redress.realtime.EventType;

/**
 * The events the brand module writes about its teams. They are about no complaint and kept for modules and audits
 * only ({@code SYSTEM} visibility), so no subscription delivers them.
 */
public enum BrandEventType implements EventType {

	/** An owner or manager invited a token subject to the team; the payload names the subject, role and inviter. */
	MEMBER_INVITED,
	/** The invitee accepted and became a member. */
	INVITATION_ACCEPTED,
	/** The invitee declined. */
	INVITATION_DECLINED,
	/** An owner or manager withdrew a pending invitation. */
	INVITATION_WITHDRAWN,
	/** An invitation left unanswered past its lifetime was cleared. */
	INVITATION_EXPIRED,
	/** An owner or manager changed a member's role. */
	MEMBER_ROLE_CHANGED,
	/** A member left or was removed. */
	MEMBER_REMOVED,
	/** An owner or manager changed the brand's settings (its targets, follow-up delay or description). */
	SETTINGS_CHANGED,
	/** An owner or manager saved a reply for the team. */
	SAVED_REPLY_SAVED,
	/** An owner or manager deleted a saved reply. */
	SAVED_REPLY_DELETED,
	/** A consumer gave the public customer-service address of an unclaimed brand (the address stays out of the log). */
	CONTACT_ADDRESS_GIVEN
}
