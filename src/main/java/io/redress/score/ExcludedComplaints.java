package io.redress.score;

/** How many complaints of the score's window were left out for one reason. */
public record ExcludedComplaints(ScoreExclusion reason, int count) {
}
