package io.redress.moderation;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * What moderation forgets of a person who erases their account: their notes on flags and appeals, the original
 * text of redactions of their content, and their token subject in the audit trail. Flags, rulings and the public
 * ledger stay.
 */
@Service
public class ModerationForgetting {

	private final Flags flags;

	ModerationForgetting(Flags flags) {
		this.flags = flags;
	}

	/** Inside the caller's transaction; {@code profileId} is null for a person who never had a profile. */
	public Mono<Void> forget(Long profileId, String subject) {
		return flags.forget(profileId, subject);
	}
}
