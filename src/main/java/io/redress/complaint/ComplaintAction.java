package io.redress.complaint;

/** Everything that can be done to a complaint once filed: each lifecycle mutation, posting, and Redress's own jobs. */
public enum ComplaintAction {

	POST_MESSAGE("posted in"),
	PROPOSE_RESOLUTION("given a proposal"),
	ACCEPT_RESOLUTION("accepted"),
	REJECT_RESOLUTION("rejected"),
	GIVE_UP("given up"),
	WITHDRAW("withdrawn"),
	REOPEN("reopened"),
	RATE("rated yet"),
	ASSIGN("assigned"),
	/** The brand brings another brand (a courier, an installer, a seller) into the case. */
	INVOLVE_PARTNER("given a partner"),
	/** A partner brought into the case says it is not theirs, and leaves it. */
	DECLINE_PARTNER_INVOLVEMENT("declined by a partner"),
	/** The consumer keeps one of their private messages from the partners in the case, or shows it to them again. */
	KEEP_FROM_PARTNERS("changed for partners"),
	/** The consumer left a proposal unanswered for 14 days: it is accepted on their behalf. */
	ASSUME_ACCEPTANCE("accepted on the consumer's behalf"),
	/** The consumer erased their account: the complaint stays, without their identity and personal data. */
	ANONYMISE("anonymised"),
	/** A moderator's ruling on the complaint or a message of its thread: hide, redact, remove, or undo one. */
	MODERATE("moderated"),
	/** The consumer answers the follow-up asking whether the resolution held; one that did not reopens it. */
	ANSWER_FOLLOW_UP("followed up"),
	/** Redress holds the complaint under review because it tripped a signal of fake reviews; a moderator rules. */
	HOLD("held for review");

	/** How the action reads after "The complaint is RESOLVED and cannot be …". */
	private final String participle;

	ComplaintAction(String participle) {
		this.participle = participle;
	}

	String participle() {
		return participle;
	}
}
