package io.redress.score;

import java.time.OffsetDateTime;

/**
 * A brand's score changed: the new score, and where the change sits in the event log ({@code cursor}, to resume
 * after it).
 */
public record ScoreChange(String cursor, OffsetDateTime occurredAt, long brandId, String brandSlug,
		ResolutionScore score) {
}
