package io.redress.widget;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.redress.complaint.CaseTimes;
import io.redress.complaint.PublicCase;
import io.redress.moderation.PublicLedger;
import io.redress.score.ScoreSnapshot;
import io.redress.shared.Connection;
import io.redress.thread.PublicMessage;

/**
 * What a brand page shows besides the score.
 *
 * @param times response and resolution times
 * @param ledger the moderation ledger in numbers
 * @param history the daily scores of the last 12 months, oldest first
 * @param complaints a page of the latest public complaints
 * @param answers the brand's latest public answer to each of them, by complaint id
 * @param heldRate the share of resolutions that held at the follow-up, when Redress knows it (not yet: empty)
 */
record PageData(CaseTimes times, PublicLedger.Counts ledger, List<ScoreSnapshot> history,
		Connection<PublicCase> complaints, Map<Long, PublicMessage> answers, Optional<Double> heldRate) {
}
