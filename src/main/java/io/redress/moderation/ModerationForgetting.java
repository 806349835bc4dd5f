package io.redress.moderation;

import java.time.OffsetDateTime;
import java.util.List;

import io.redress.shared.GlobalId;
import reactor.core.publisher.Mono;

import org.springframework.stereotype.Service;

/**
 * What moderation holds of a person: the flags they raised, for their data export; and what it forgets when they
 * erase their account: their notes on flags and appeals, the original
 * text of redactions of their content, and their token subject in the audit trail. Flags, rulings and the public
 * ledger stay.
 */
@Service
public class ModerationForgetting {

	private final Flags flags;

	ModerationForgetting(Flags flags) {
		this.flags = flags;
	}

	/** The flags the person raised, newest first, for their data export: what, why, their note and the outcome. */
	public Mono<List<RaisedFlag>> personalDataOf(long profileId, int limit) {
		return flags.raisedBy(profileId, limit)
				.map(flag -> new RaisedFlag(GlobalId.encode(Flag.TYPE, flag.id()), flag.targetKind().name(),
						flag.reason().name(), flag.note(), flag.status().name(),
						flag.ruling() == null ? null : flag.ruling().name(), flag.createdAt()))
				.collectList();
	}

	/** A flag as its flagger's export shows it. */
	public record RaisedFlag(String id, String targetKind, String reason, String note, String status, String ruling,
			OffsetDateTime createdAt) {
	}

	/** Inside the caller's transaction; {@code profileId} is null for a person who never had a profile. */
	public Mono<Void> forget(Long profileId, String subject) {
		return flags.forget(profileId, subject);
	}
}
