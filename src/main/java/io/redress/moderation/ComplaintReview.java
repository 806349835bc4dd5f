package io.redress.moderation;

import java.time.OffsetDateTime;
import java.util.List;

/** Why a complaint is held under review: the signals it tripped that wait for a moderator, the first since when. */
record ComplaintReview(OffsetDateTime since, List<TrippedSignal> signals) {

	/** One signal that holds the complaint, with its public description as it stood when it tripped. */
	record TrippedSignal(SignalRule rule, String description, OffsetDateTime at) {
	}
}
