package io.redress.score;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.redress.complaint.ComplaintStatus;

/**
 * The Resolution Score, formula version {@value #VERSION} (docs/product.md, "Resolution Score"), as a pure function
 * of a brand's complaints and the time of computing.
 * <p>
 * Complaints filed in the last 365 days count, except withdrawn ones and those a moderator removed or holds under
 * review (counted apart, by reason); each weighs {@code 0.5^(age / 90 days)}. Each
 * component is a weighted proportion shrunk toward 0.5 by five pseudo-observations,
 * {@code p = (Σ w·x + 5 × 0.5) / (Σ w + 5)} with effective size {@code n = Σ w + 5}; the score is
 * {@code 100 × Σ W·p} and its 90 % interval {@code ± 100 × 1.645 × sqrt(Σ W²·p(1−p)/n)}. A complaint still open
 * after 30 days counts as unresolved, so stalling never pays.
 * <p>
 * Complaints are folded one at a time ({@link #accumulate(Instant)}), so a brand with a hundred thousand of them is
 * scored from a stream of rows without holding them all.
 */
public final class ResolutionScoreFormula {

	public static final String VERSION = "2026-11";

	public static final Duration WINDOW = Duration.ofDays(365);
	public static final Duration HALF_LIFE = Duration.ofDays(90);
	public static final Duration STALL_LIMIT = Duration.ofDays(30);
	static final double PRIOR_SIZE = 5;
	static final double PRIOR_MEAN = 0.5;
	static final double Z_90 = 1.645;

	private ResolutionScoreFormula() {
	}

	/** The score of {@code complaints} at {@code now}. */
	public static ResolutionScore score(Iterable<ScoredComplaint> complaints, Instant now) {
		Accumulator accumulator = accumulate(now);
		complaints.forEach(accumulator::add);
		return accumulator.result();
	}

	/** A fold for complaints arriving one at a time; the score of none is 50, with NOT_ENOUGH_DATA. */
	public static Accumulator accumulate(Instant now) {
		return new Accumulator(now);
	}

	/** Sums of one component as complaints are folded in. */
	private static final class Sums {

		private double weightedHits;
		private double weights;
		private int count;

		void add(double weight, double x) {
			weightedHits += weight * x;
			weights += weight;
			count++;
		}

		ScoreSums.Component done() {
			return new ScoreSums.Component(weightedHits, weights, count);
		}
	}

	/**
	 * The score from the sums of a brand's complaints, however they were summed: folded here one complaint at a
	 * time, or aggregated by the database next to the data.
	 */
	public static ResolutionScore score(ScoreSums sums, Instant now) {
		List<ScoreComponent> components = List.of(component(ScoreComponentName.RESPONDED_IN_TIME, sums.respondedInTime()),
				component(ScoreComponentName.RESOLUTION_RATE, sums.resolutionRate()),
				component(ScoreComponentName.RATING_SCORE, sums.ratingScore()),
				component(ScoreComponentName.WOULD_BUY_AGAIN_RATE, sums.wouldBuyAgainRate()));
		double score = 0;
		double variance = 0;
		for (ScoreComponent component : components) {
			double p = component.value();
			score += component.weight() * p;
			variance += component.weight() * component.weight() * p * (1 - p) / component.effectiveSize();
		}
		double value = oneDecimal(100 * score);
		double margin = 100 * Z_90 * Math.sqrt(variance);
		return new ResolutionScore(value, oneDecimal(Math.max(0, 100 * score - margin)),
				oneDecimal(Math.min(100, 100 * score + margin)), ScoreTier.of(value, sums.rated()), components,
				sums.counted(), sums.rated(), sums.excluded().values().stream().mapToInt(Integer::intValue).sum(),
				Arrays.stream(ScoreExclusion.values()).filter(sums.excluded()::containsKey)
						.map(reason -> new ExcludedComplaints(reason, sums.excluded().get(reason))).toList(),
				sums.medianFirstResponseHours() == null ? null : oneDecimal(sums.medianFirstResponseHours()), VERSION,
				now);
	}

	private static ScoreComponent component(ScoreComponentName name, ScoreSums.Component sums) {
		double n = sums.weights() + PRIOR_SIZE;
		double p = (sums.weightedHits() + PRIOR_SIZE * PRIOR_MEAN) / n;
		return new ScoreComponent(name, name.weight(), p, sums.count(), n);
	}

	/** Folds complaints into the score; not thread-safe, one per computation. */
	public static final class Accumulator {

		private final Instant now;
		private final Sums respondedInTime = new Sums();
		private final Sums resolutionRate = new Sums();
		private final Sums ratingScore = new Sums();
		private final Sums wouldBuyAgainRate = new Sums();
		private double[] responseHours = new double[16];
		private int responses;
		private int counted;
		private int rated;
		private final Map<ScoreExclusion, Integer> excluded = new EnumMap<>(ScoreExclusion.class);

		private Accumulator(Instant now) {
			this.now = now;
		}

		public Accumulator add(ScoredComplaint complaint) {
			Duration age = Duration.between(complaint.createdAt(), now);
			if (age.compareTo(WINDOW) > 0) {
				return this;
			}
			if (complaint.exclusion() != null) {
				excluded.merge(complaint.exclusion(), 1, Integer::sum);
				return this;
			}
			counted++;
			double weight = Math.pow(0.5, Math.max(0, seconds(age)) / seconds(HALF_LIFE));
			Instant responded = complaint.firstResponseAt();
			if (responded != null || !complaint.firstResponseDueAt().isAfter(now)) {
				boolean inTime = responded != null && !responded.isAfter(complaint.firstResponseDueAt());
				respondedInTime.add(weight, inTime ? 1 : 0);
			}
			if (complaint.status().isRateable() || age.compareTo(STALL_LIMIT) > 0) {
				resolutionRate.add(weight, complaint.status() == ComplaintStatus.RESOLVED ? 1 : 0);
			}
			if (complaint.rated()) {
				rated++;
				ratingScore.add(weight, (complaint.stars() - 1) / 4.0);
				wouldBuyAgainRate.add(weight, complaint.wouldBuyAgain() ? 1 : 0);
			}
			if (responded != null) {
				recordResponse(seconds(Duration.between(complaint.createdAt(), responded)) / 3600);
			}
			return this;
		}

		public ResolutionScore result() {
			return score(sums(), now);
		}

		public ScoreSums sums() {
			return new ScoreSums(respondedInTime.done(), resolutionRate.done(), ratingScore.done(),
					wouldBuyAgainRate.done(), counted, rated, medianResponseHours(), excluded);
		}

		private void recordResponse(double hours) {
			if (responses == responseHours.length) {
				responseHours = Arrays.copyOf(responseHours, responses * 2);
			}
			responseHours[responses++] = Math.max(0, hours);
		}

		private Double medianResponseHours() {
			if (responses == 0) {
				return null;
			}
			double[] sorted = Arrays.copyOf(responseHours, responses);
			Arrays.sort(sorted);
			int middle = responses / 2;
			return responses % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
		}
	}

	private static double seconds(Duration duration) {
		return duration.getSeconds() + duration.getNano() / 1e9;
	}

	private static double oneDecimal(double value) {
		return Math.round(value * 10) / 10.0;
	}
}
