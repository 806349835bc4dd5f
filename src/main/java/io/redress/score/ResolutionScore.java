package io.redress.score;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.springframework.modulith.NamedInterface;

/**
 * A brand's Resolution Score, with everything needed to explain it.
 *
 * @param value the score, 0..100, to one decimal
 * @param low the lower end of its 90 % interval
 * @param high the upper end of its 90 % interval
 * @param tier the band the value falls in
 * @param components the four components, in {@link ScoreComponentName} order
 * @param complaintCount complaints that count (filed in the window, not withdrawn)
 * @param ratedCount of those, the rated ones
 * @param excludedCount complaints filed in the window that do not count (withdrawn, removed, under review)
 * @param exclusions those, by reason, in {@link ScoreExclusion} order; reasons with none are absent
 * @param medianFirstResponseHours median hours to the brand's first reply, null when it never replied
 * @param formulaVersion the formula that computed it
 * @param computedAt when it was computed
 */
@NamedInterface("read")
public record ResolutionScore(double value, double low, double high, ScoreTier tier, List<ScoreComponent> components,
		int complaintCount, int ratedCount, int excludedCount, List<ExcludedComplaints> exclusions,
		Double medianFirstResponseHours, String formulaVersion, Instant computedAt) {

	public ResolutionScore {
		components = List.copyOf(components);
		// Scores stored before exclusions were shown have none.
		exclusions = exclusions == null ? List.of() : List.copyOf(exclusions);
	}

	/**
	 * Whether {@code other} shows the brand the same: value, interval, tier, counts, median and sample sizes. The
	 * proportions drift a little every time weights age, which is not a change anyone could see.
	 */
	public boolean looksLike(ResolutionScore other) {
		return other != null && value == other.value && low == other.low && high == other.high && tier == other.tier
				&& complaintCount == other.complaintCount && ratedCount == other.ratedCount
				&& exclusions.equals(other.exclusions)
				&& Objects.equals(medianFirstResponseHours, other.medianFirstResponseHours)
				&& sampleSizes().equals(other.sampleSizes()) && formulaVersion.equals(other.formulaVersion);
	}

	private List<Integer> sampleSizes() {
		return components.stream().map(ScoreComponent::sampleSize).toList();
	}
}
