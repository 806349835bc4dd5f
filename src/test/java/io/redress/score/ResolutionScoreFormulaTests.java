package io.redress.score;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.redress.complaint.ComplaintStatus;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

import static io.redress.complaint.ComplaintStatus.IN_PROGRESS;
import static io.redress.complaint.ComplaintStatus.OPEN;
import static io.redress.complaint.ComplaintStatus.RESOLUTION_PROPOSED;
import static io.redress.complaint.ComplaintStatus.RESOLVED;
import static io.redress.complaint.ComplaintStatus.UNRESOLVED;
import static io.redress.complaint.ComplaintStatus.WITHDRAWN;
import static io.redress.score.ScoreComponentName.RATING_SCORE;
import static io.redress.score.ScoreComponentName.RESOLUTION_RATE;
import static io.redress.score.ScoreComponentName.RESPONDED_IN_TIME;
import static io.redress.score.ScoreComponentName.WOULD_BUY_AGAIN_RATE;
import static java.time.Duration.ofDays;
import static java.time.Duration.ofHours;
import static java.time.Duration.ofMinutes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The Resolution Score, formula version 2026-11 (docs/product.md, "Resolution Score"), pinned to numbers worked out
 * by hand. Shorthand in the comments: w = 0.5^(age / 90 d); p = (Σw·x + 2.5) / (Σw + 5); n = Σw + 5;
 * ΣW² = 0.25² + 0.30² + 0.30² + 0.15² = 0.265; margin = 164.5 × sqrt(Σ W²·p(1−p)/n).
 */
class ResolutionScoreFormulaTests {

	private static final Instant NOW = Instant.parse("2026-11-15T12:00:00Z");

	private static final Offset<Double> CLOSE = within(1e-10);

	@Test
	void scoresFiftyWithNotEnoughDataWhenThereAreNoComplaints() {
		ResolutionScore score = score();

		assertLooksLikeNoComplaints(score);
	}

	@Test
	void ignoresWithdrawnComplaints() {
		ResolutionScore score = score(filed(ofDays(40)).in(WITHDRAWN), filed(ofDays(2)).in(WITHDRAWN),
				filed(ofHours(1)).in(WITHDRAWN));

		assertLooksLikeNoComplaints(score);
	}

	@Test
	void countsOnlyComplaintsFiledInTheLast365Days() {
		ResolutionScore score = score(filed(ofDays(365).plusSeconds(1)).in(UNRESOLVED).rated(1, false),
				filed(ofDays(365).minusHours(1)).in(UNRESOLVED));

		assertThat(score.complaintCount()).isEqualTo(1);
		assertThat(score.ratedCount()).isZero();
		// w = 0.5^((365·24 − 1) h / (90·24) h) = 0.060158291593086645; x = 0 (unanswered past target, unresolved)
		// p = 2.5 / (0.060158… + 5) = 0.4940556907386639
		assertComponent(score, RESPONDED_IN_TIME, 0.4940556907386639, 1, 5.060158291593087);
		assertComponent(score, RESOLUTION_RATE, 0.4940556907386639, 1, 5.060158291593087);
		assertComponent(score, RATING_SCORE, 0.5, 0, 5);
		assertComponent(score, WOULD_BUY_AGAIN_RATE, 0.5, 0, 5);
		// 100 × (0.55 × 0.494056 + 0.45 × 0.5) = 49.673 → 49.7; margin 18.8697 → 30.803 … 68.543
		assertInterval(score, 49.7, 30.8, 68.5);
	}

	@Test
	void weighsAComplaintFiledNowAsOneFullObservation() {
		ResolutionScore score = score(filed(Duration.ZERO).in(RESOLVED).repliedAfter(Duration.ZERO).rated(5, true));

		// every component: x = 1, w = 1 → p = (1 + 2.5) / (1 + 5) = 3.5 / 6 = 0.58333…, n = 6
		for (ScoreComponentName name : ScoreComponentName.values()) {
			assertComponent(score, name, 0.5833333333333334, 1, 6);
		}
		// 100 × 0.58333 = 58.333 → 58.3; margin 164.5 × sqrt(0.265 × (3.5/6)(2.5/6) / 6) = 164.5 × 0.1036096
		// = 17.0438 → 41.2896 … 75.3771
		assertInterval(score, 58.3, 41.3, 75.4);
		assertThat(score.tier()).isEqualTo(ScoreTier.NOT_ENOUGH_DATA);
		assertThat(score.complaintCount()).isEqualTo(1);
		assertThat(score.ratedCount()).isEqualTo(1);
		assertThat(score.medianFirstResponseHours()).isEqualTo(0.0);
	}

	@Test
	void weighsAComplaint90DaysOldHalf() {
		ResolutionScore score = score(filed(ofDays(90)).in(RESOLVED).repliedAfter(ofHours(3)).rated(4, true));

		// w = 0.5^(90/90) = 0.5, n = 5.5
		assertComponent(score, RESPONDED_IN_TIME, 0.5454545454545454, 1, 5.5); // (0.5 + 2.5) / 5.5 = 6/11
		assertComponent(score, RESOLUTION_RATE, 0.5454545454545454, 1, 5.5); // 6/11
		assertComponent(score, RATING_SCORE, 0.5227272727272727, 1, 5.5); // x = 3/4: (0.375 + 2.5) / 5.5
		assertComponent(score, WOULD_BUY_AGAIN_RATE, 0.5454545454545454, 1, 5.5); // 6/11
		// 100 × (0.25·6/11 + 0.30·6/11 + 0.30·0.522727 + 0.15·6/11) = 53.864 → 53.9; margin 17.998
		assertInterval(score, 53.9, 35.9, 71.9);
	}

	@Test
	void weighsAComplaint180DaysOldAQuarter() {
		ResolutionScore score = score(filed(ofDays(180)).in(UNRESOLVED).repliedAfter(ofHours(49)).rated(1, false));

		// w = 0.5^(180/90) = 0.25; every x = 0 → p = 2.5 / 5.25 = 10/21 = 0.476190…, n = 5.25
		for (ScoreComponentName name : ScoreComponentName.values()) {
			assertComponent(score, name, 0.47619047619047616, 1, 5.25);
		}
		// 100 × 10/21 = 47.619 → 47.6; margin 18.458 → 29.161 … 66.077
		assertInterval(score, 47.6, 29.2, 66.1);
	}

	@Test
	void mapsStarsOntoZeroToOneLinearly() {
		ResolutionScore score = score(filed(Duration.ZERO).in(RESOLVED).rated(2, true),
				filed(Duration.ZERO).in(RESOLVED).rated(3, true), filed(Duration.ZERO).in(RESOLVED).rated(5, true));

		// x = (2−1)/4 + (3−1)/4 + (5−1)/4 = 0.25 + 0.5 + 1 = 1.75 → p = (1.75 + 2.5) / (3 + 5) = 0.53125
		assertComponent(score, RATING_SCORE, 0.53125, 3, 8);
	}

	@Test
	void countsAComplaintStillOpenAfter30DaysAsUnresolved() {
		ResolutionScore score = score(filed(ofDays(31)).in(OPEN));

		// w = 0.5^(31/90) = 0.7876112128976197, x = 0 → p = 2.5 / 5.7876… = 0.43195714225392007
		assertComponent(score, RESOLUTION_RATE, 0.43195714225392007, 1, 5.78761121289762);
	}

	@Test
	void countsAComplaintStillInProgressAfter30DaysAsUnresolved() {
		ResolutionScore score = score(filed(ofDays(31)).in(IN_PROGRESS).repliedAfter(ofHours(5)),
				filed(ofDays(31)).in(RESOLUTION_PROPOSED).repliedAfter(ofHours(5)));

		// w = 0.5^(31/90) = 0.7876112128976197 each, x = 0 → p = 2.5 / (2 × 0.78761… + 5) = 0.38021527457265264
		assertComponent(score, RESOLUTION_RATE, 0.38021527457265264, 2, 6.575222425795239);
		// both replied within 48 h → x = 1: p = (1.57522… + 2.5) / 6.57522… = 0.6197847254273474
		assertComponent(score, RESPONDED_IN_TIME, 0.6197847254273474, 2, 6.575222425795239);
	}

	@Test
	void leavesAComplaintOpenFor29DaysOutOfTheResolutionRate() {
		ResolutionScore score = score(filed(ofDays(29)).in(OPEN),
				filed(ofDays(29)).in(IN_PROGRESS).repliedAfter(ofHours(1)));

		assertThat(score.complaintCount()).isEqualTo(2);
		assertComponent(score, RESOLUTION_RATE, 0.5, 0, 5);
	}

	@Test
	void countsResolvedAndUnresolvedComplaintsHoweverYoung() {
		ResolutionScore score = score(filed(ofDays(1)).in(RESOLVED), filed(ofDays(1)).in(RESOLVED),
				filed(ofDays(1)).in(UNRESOLVED));

		// w = 0.5^(1/90) = 0.9923279462629435; p = (2w + 2.5) / (3w + 5) = 4.48466 / 7.97698 = 0.5621994457001188
		assertComponent(score, RESOLUTION_RATE, 0.5621994457001188, 3, 7.976983838788831);
	}

	@Test
	void countsAReplyWithinTheTargetAsInTime() {
		ResolutionScore score = score(
				filed(ofDays(10)).withTarget(ofHours(48)).repliedAfter(ofHours(47)).in(IN_PROGRESS));

		// w = 0.5^(10/90) = 0.9258747122872905, x = 1 → p = (0.92587 + 2.5) / 5.92587 = 0.5781213539975365
		assertComponent(score, RESPONDED_IN_TIME, 0.5781213539975365, 1, 5.925874712287291);
	}

	@Test
	void countsAReplyAfterTheTargetAsLate() {
		ResolutionScore score = score(
				filed(ofDays(10)).withTarget(ofHours(48)).repliedAfter(ofHours(49)).in(IN_PROGRESS));

		// w = 0.92587…, x = 0 → p = 2.5 / 5.92587 = 0.42187864600246344
		assertComponent(score, RESPONDED_IN_TIME, 0.42187864600246344, 1, 5.925874712287291);
	}

	@Test
	void countsAnUnansweredComplaintPastItsTargetAsLate() {
		ResolutionScore score = score(filed(ofDays(10)).withTarget(ofHours(48)).in(OPEN));

		// w = 0.92587…, x = 0 → p = 2.5 / 5.92587 = 0.42187864600246344
		assertComponent(score, RESPONDED_IN_TIME, 0.42187864600246344, 1, 5.925874712287291);
	}

	@Test
	void leavesAnUnansweredComplaintWithinItsTargetOutOfRespondedInTime() {
		ResolutionScore score = score(filed(ofHours(1)).withTarget(ofHours(48)).in(OPEN));

		assertThat(score.complaintCount()).isEqualTo(1);
		assertComponent(score, RESPONDED_IN_TIME, 0.5, 0, 5);
		assertThat(score.medianFirstResponseHours()).isNull();
	}

	@Test
	void placesValuesInTiersAtTheBoundaries() {
		assertThat(ScoreTier.of(100, 5)).isEqualTo(ScoreTier.EXCELLENT);
		assertThat(ScoreTier.of(85.0, 5)).isEqualTo(ScoreTier.EXCELLENT);
		assertThat(ScoreTier.of(84.9, 5)).isEqualTo(ScoreTier.GREAT);
		assertThat(ScoreTier.of(70.0, 5)).isEqualTo(ScoreTier.GREAT);
		assertThat(ScoreTier.of(69.9, 5)).isEqualTo(ScoreTier.GOOD);
		assertThat(ScoreTier.of(55.0, 5)).isEqualTo(ScoreTier.GOOD);
		assertThat(ScoreTier.of(54.9, 5)).isEqualTo(ScoreTier.FAIR);
		assertThat(ScoreTier.of(40.0, 5)).isEqualTo(ScoreTier.FAIR);
		assertThat(ScoreTier.of(39.9, 5)).isEqualTo(ScoreTier.POOR);
		assertThat(ScoreTier.of(0, 5)).isEqualTo(ScoreTier.POOR);
		assertThat(ScoreTier.of(100, 4)).isEqualTo(ScoreTier.NOT_ENOUGH_DATA);
		assertThat(ScoreTier.of(0, 0)).isEqualTo(ScoreTier.NOT_ENOUGH_DATA);
	}

	@Test
	void showsNotEnoughDataUntilFiveComplaintsAreRated() {
		ResolutionScore fourRated = score(perfect(4));
		ResolutionScore fiveRated = score(perfect(5));

		// four: p = (4 + 2.5) / 9 = 0.7222 → 72.222 → 72.2 (a GREAT value, still not enough data)
		assertThat(fourRated.value()).isEqualTo(72.2);
		assertThat(fourRated.ratedCount()).isEqualTo(4);
		assertThat(fourRated.tier()).isEqualTo(ScoreTier.NOT_ENOUGH_DATA);
		// five: p = (5 + 2.5) / 10 = 0.75 → 75.0; margin 164.5 × sqrt(0.265 × 0.1875 / 10) = 11.5955
		assertInterval(fiveRated, 75.0, 63.4, 86.6);
		assertThat(fiveRated.ratedCount()).isEqualTo(5);
		assertThat(fiveRated.tier()).isEqualTo(ScoreTier.GREAT);
	}

	@Test
	void takesTheMiddleFirstResponseTimeOfAnOddCount() {
		ResolutionScore score = score(filed(ofDays(10)).in(IN_PROGRESS).repliedAfter(ofHours(2)),
				filed(ofDays(10)).in(IN_PROGRESS).repliedAfter(ofHours(30)),
				filed(ofDays(10)).in(IN_PROGRESS).repliedAfter(ofHours(5)), filed(ofDays(10)).in(OPEN));

		// replies 2, 5, 30 h (the unanswered one has none) → 5.0
		assertThat(score.medianFirstResponseHours()).isEqualTo(5.0);
	}

	@Test
	void averagesTheTwoMiddleFirstResponseTimesOfAnEvenCount() {
		ResolutionScore score = score(filed(ofDays(10)).in(IN_PROGRESS).repliedAfter(ofMinutes(195)),
				filed(ofDays(10)).in(IN_PROGRESS).repliedAfter(ofHours(100)),
				filed(ofDays(10)).in(IN_PROGRESS).repliedAfter(ofHours(1)),
				filed(ofDays(10)).in(IN_PROGRESS).repliedAfter(ofMinutes(150)));

		// replies 1, 2.5, 3.25, 100 h → (2.5 + 3.25) / 2 = 2.875 → 2.9
		assertThat(score.medianFirstResponseHours()).isEqualTo(2.9);
	}

	@Test
	void keepsTheIntervalOfManyPerfectComplaintsWithin100() {
		ResolutionScore score = score(perfect(1000));

		// p = 1002.5 / 1005 = 0.99751244 → 99.751 → 99.8; margin 164.5 × sqrt(0.265 p(1−p) / 1005) = 0.13306
		assertInterval(score, 99.8, 99.6, 99.9);
		assertThat(score.tier()).isEqualTo(ScoreTier.EXCELLENT);
	}

	@Test
	void keepsTheIntervalOfManyFailedComplaintsWithin0() {
		ResolutionScore score = score(IntStream.range(0, 1000)
				.mapToObj(i -> filed(ofDays(3)).in(UNRESOLVED).repliedAfter(ofHours(49)).rated(1, false))
				.toArray(Filed[]::new));

		// w = 0.5^(3/90) = 0.9771599684342459, Σw = 977.16, every x = 0 → p = 2.5 / 982.16 = 0.0025454102
		// 100 × p = 0.25454 → 0.3; margin 164.5 × sqrt(0.265 p(1−p) / 982.16) = 0.13615 → 0.1184 … 0.3907
		assertComponent(score, RESPONDED_IN_TIME, 0.0025454101982852004, 1000, 982.1599684342459);
		assertInterval(score, 0.3, 0.1, 0.4);
		assertThat(score.tier()).isEqualTo(ScoreTier.POOR);
	}

	@Test
	void clipsTheIntervalAt100() {
		// 20 000 reopened (in progress, rated) perfect complaints and 58 resolved perfect ones, all filed now:
		// responded, rating and wouldBuyAgain: p = 20060.5 / 20063 = 0.99987539, n = 20063;
		// resolutionRate: p = 60.5 / 63 = 0.96031746, n = 63.
		// 100 × Σ W·p = 98.8008; margin 1.21375; 98.8008 + 1.21375 = 100.0145, above 100
		Filed reopened = filed(Duration.ZERO).in(IN_PROGRESS).repliedAfter(Duration.ZERO).rated(5, true);
		Filed resolved = filed(Duration.ZERO).in(RESOLVED).repliedAfter(Duration.ZERO).rated(5, true);
		ResolutionScore score = score(Stream.concat(Collections.nCopies(20_000, reopened).stream(),
				Collections.nCopies(58, resolved).stream()).toArray(Filed[]::new));

		assertComponent(score, RESOLUTION_RATE, 0.9603174603174603, 58, 63);
		assertInterval(score, 98.8, 97.6, 100.0);
	}

	@Test
	void agreesWithAStraightforwardReadingOfTheSpecOnAThousandComplaints() {
		List<ScoredComplaint> complaints = IntStream.range(0, 1000).mapToObj(ResolutionScoreFormulaTests::varied)
				.toList();

		ResolutionScore score = ResolutionScoreFormula.score(complaints, NOW);
		ByTheBook expected = ByTheBook.score(complaints);

		for (int i = 0; i < 4; i++) {
			ScoreComponent component = score.components().get(i);
			assertThat(component.name()).isEqualTo(ScoreComponentName.values()[i]);
			assertThat(component.weight()).isEqualTo(ByTheBook.WEIGHTS[i]);
			assertThat(component.value()).isCloseTo(expected.p[i], within(1e-9));
			assertThat(component.effectiveSize()).isCloseTo(expected.n[i], within(1e-9));
			assertThat(component.sampleSize()).isEqualTo(expected.sizes[i]);
		}
		assertInterval(score, expected.value, expected.low, expected.high);
		assertThat(score.tier()).isEqualTo(expected.tier);
		assertThat(score.complaintCount()).isEqualTo(expected.counted);
		assertThat(score.ratedCount()).isEqualTo(expected.rated);
		assertThat(score.medianFirstResponseHours()).isEqualTo(expected.median);
		// the same data worked out separately (python3): 786 count, 242 rated, sample sizes 782/745/242/242,
		// 100 × Σ W·p = 38.26650, margin 3.36323, median reply 59.7667 h
		assertComponent(score, RESPONDED_IN_TIME, 0.25297991953427873, 782, 266.94295954724964);
		assertComponent(score, RESOLUTION_RATE, 0.19798700119411491, 745, 234.2383422116329);
		assertComponent(score, RATING_SCORE, 0.5281196225966039, 242, 87.44056462331359);
		assertComponent(score, WOULD_BUY_AGAIN_RATE, 0.6772535285572946, 242, 87.44056462331359);
		assertInterval(score, 38.3, 34.9, 41.6);
		assertThat(score.tier()).isEqualTo(ScoreTier.POOR);
		assertThat(score.complaintCount()).isEqualTo(786);
		assertThat(score.ratedCount()).isEqualTo(242);
		assertThat(score.medianFirstResponseHours()).isEqualTo(59.8);
	}

	/** Complaint {@code i} of a deterministic mix: ages 0..400 days, every status, targets 24/48/72 h. */
	private static ScoredComplaint varied(int i) {
		List<ComplaintStatus> statuses = List.of(OPEN, IN_PROGRESS, RESOLUTION_PROPOSED, RESOLVED, UNRESOLVED,
				WITHDRAWN);
		int ageMinutes = (i * 7919) % (400 * 24 * 60);
		ComplaintStatus status = statuses.get((i * 31 + i / 7) % 6);
		Filed complaint = filed(ofMinutes(ageMinutes)).in(status).withTarget(ofHours(24L * (1 + i % 3)));
		int replyMinutes = (i * 613) % (120 * 60);
		if (status != OPEN && status != WITHDRAWN && i % 5 != 0 && replyMinutes <= ageMinutes) {
			complaint = complaint.repliedAfter(ofMinutes(replyMinutes));
		}
		if (((status == RESOLVED || status == UNRESOLVED) && i % 4 != 0) || (status == IN_PROGRESS && i % 10 == 3)) {
			complaint = complaint.rated(1 + (i * 13) % 5, (i * 17) % 3 != 0);
		}
		return complaint.scored();
	}

	private static void assertLooksLikeNoComplaints(ResolutionScore score) {
		assertThat(score.components()).extracting(ScoreComponent::name)
				.containsExactly(RESPONDED_IN_TIME, RESOLUTION_RATE, RATING_SCORE, WOULD_BUY_AGAIN_RATE);
		assertThat(score.components()).extracting(ScoreComponent::weight).containsExactly(0.25, 0.30, 0.30, 0.15);
		for (ScoreComponentName name : ScoreComponentName.values()) {
			assertComponent(score, name, 0.5, 0, 5); // p = (0 + 2.5) / (0 + 5)
		}
		// 100 × 0.5 × (0.25 + 0.30 + 0.30 + 0.15) = 50; margin 164.5 × sqrt(0.265 × 0.25 / 5) = 164.5 × 0.1151086
		// = 18.9354 → 31.0646 … 68.9354
		assertInterval(score, 50.0, 31.1, 68.9);
		assertThat(score.tier()).isEqualTo(ScoreTier.NOT_ENOUGH_DATA);
		assertThat(score.complaintCount()).isZero();
		assertThat(score.ratedCount()).isZero();
		assertThat(score.medianFirstResponseHours()).isNull();
		assertThat(score.formulaVersion()).isEqualTo("2026-11");
		assertThat(score.computedAt()).isEqualTo(NOW);
	}

	private static void assertComponent(ResolutionScore score, ScoreComponentName name, double p, int sampleSize,
			double effectiveSize) {
		ScoreComponent component = score.components().stream().filter(c -> c.name() == name).findFirst().orElseThrow();
		assertThat(component.value()).as("p of %s", name).isCloseTo(p, CLOSE);
		assertThat(component.sampleSize()).as("sample size of %s", name).isEqualTo(sampleSize);
		assertThat(component.effectiveSize()).as("n of %s", name).isCloseTo(effectiveSize, CLOSE);
	}

	private static void assertInterval(ResolutionScore score, double value, double low, double high) {
		assertThat(score.value()).as("value").isEqualTo(value);
		assertThat(score.low()).as("low").isEqualTo(low);
		assertThat(score.high()).as("high").isEqualTo(high);
	}

	private static ResolutionScore score(Filed... complaints) {
		return ResolutionScoreFormula.score(Arrays.stream(complaints).map(Filed::scored).toList(), NOW);
	}

	/** Resolved complaints filed now, answered at once and rated five stars by buyers who would buy again. */
	private static Filed[] perfect(int count) {
		return IntStream.range(0, count)
				.mapToObj(i -> filed(Duration.ZERO).in(RESOLVED).repliedAfter(Duration.ZERO).rated(5, true))
				.toArray(Filed[]::new);
	}

	private static Filed filed(Duration ago) {
		return new Filed(NOW.minus(ago), OPEN, null, ofHours(48), null, null);
	}

	/** A complaint filed some time before {@link #NOW}, by default open, unanswered, with a 48-hour target. */
	private record Filed(Instant createdAt, ComplaintStatus status, Duration replyAfter, Duration target, Integer stars,
			Boolean wouldBuyAgain) {

		Filed in(ComplaintStatus status) {
			return new Filed(createdAt, status, replyAfter, target, stars, wouldBuyAgain);
		}

		Filed repliedAfter(Duration replyAfter) {
			return new Filed(createdAt, status, replyAfter, target, stars, wouldBuyAgain);
		}

		Filed withTarget(Duration target) {
			return new Filed(createdAt, status, replyAfter, target, stars, wouldBuyAgain);
		}

		Filed rated(int stars, boolean wouldBuyAgain) {
			return new Filed(createdAt, status, replyAfter, target, stars, wouldBuyAgain);
		}

		ScoredComplaint scored() {
			return new ScoredComplaint(createdAt, status, replyAfter == null ? null : createdAt.plus(replyAfter),
					createdAt.plus(target), stars, wouldBuyAgain);
		}
	}

	/** A second, deliberately plain reading of the formula in docs/product.md, to compare against on bulk data. */
	private record ByTheBook(double[] p, double[] n, int[] sizes, double value, double low, double high,
			ScoreTier tier, int counted, int rated, Double median) {

		static final double[] WEIGHTS = { 0.25, 0.30, 0.30, 0.15 };

		private static final Set<ComplaintStatus> STILL_OPEN = EnumSet.of(OPEN, IN_PROGRESS, RESOLUTION_PROPOSED);

		static ByTheBook score(List<ScoredComplaint> complaints) {
			// per component, the (w, x) pairs of the complaints it applies to
			List<List<double[]>> observations = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
					new ArrayList<>());
			List<Double> replyHours = new ArrayList<>();
			int counted = 0;
			int rated = 0;
			for (ScoredComplaint complaint : complaints) {
				double ageDays = Duration.between(complaint.createdAt(), NOW).toMillis() / 86_400_000.0;
				if (complaint.status() == WITHDRAWN || ageDays > 365) {
					continue;
				}
				counted++;
				double w = Math.pow(0.5, ageDays / 90);
				boolean answered = complaint.firstResponseAt() != null;
				boolean targetPassed = !NOW.isBefore(complaint.firstResponseDueAt());
				if (answered || targetPassed) {
					boolean inTime = answered && !complaint.firstResponseAt().isAfter(complaint.firstResponseDueAt());
					observations.get(0).add(new double[] { w, inTime ? 1 : 0 });
				}
				boolean stalled = STILL_OPEN.contains(complaint.status()) && ageDays > 30;
				if (complaint.status() == RESOLVED || complaint.status() == UNRESOLVED || stalled) {
					observations.get(1).add(new double[] { w, complaint.status() == RESOLVED ? 1 : 0 });
				}
				if (complaint.stars() != null) {
					rated++;
					observations.get(2).add(new double[] { w, (complaint.stars() - 1) / 4.0 });
					observations.get(3).add(new double[] { w, complaint.wouldBuyAgain() ? 1 : 0 });
				}
				if (answered) {
					replyHours.add(Duration.between(complaint.createdAt(), complaint.firstResponseAt()).toMillis()
							/ 3_600_000.0);
				}
			}
			double[] p = new double[4];
			double[] n = new double[4];
			int[] sizes = new int[4];
			double score = 0;
			double variance = 0;
			for (int i = 0; i < 4; i++) {
				double hits = 0;
				double weights = 0;
				for (double[] observation : observations.get(i)) {
					weights += observation[0];
					hits += observation[0] * observation[1];
				}
				n[i] = weights + 5;
				p[i] = (hits + 5 * 0.5) / n[i];
				sizes[i] = observations.get(i).size();
				score += 100 * WEIGHTS[i] * p[i];
				variance += WEIGHTS[i] * WEIGHTS[i] * p[i] * (1 - p[i]) / n[i];
			}
			double margin = 100 * 1.645 * Math.sqrt(variance);
			double value = oneDecimal(score);
			return new ByTheBook(p, n, sizes, value, oneDecimal(Math.max(0, score - margin)),
					oneDecimal(Math.min(100, score + margin)), tier(value, rated), counted, rated, median(replyHours));
		}

		private static ScoreTier tier(double value, int rated) {
			if (rated < 5) {
				return ScoreTier.NOT_ENOUGH_DATA;
			}
			return value >= 85 ? ScoreTier.EXCELLENT
					: value >= 70 ? ScoreTier.GREAT
							: value >= 55 ? ScoreTier.GOOD : value >= 40 ? ScoreTier.FAIR : ScoreTier.POOR;
		}

		private static Double median(List<Double> hours) {
			if (hours.isEmpty()) {
				return null;
			}
			List<Double> sorted = new ArrayList<>(hours);
			Collections.sort(sorted);
			int size = sorted.size();
			double middle = size % 2 == 1 ? sorted.get(size / 2)
					: (sorted.get(size / 2 - 1) + sorted.get(size / 2)) / 2;
			return oneDecimal(middle);
		}

		private static double oneDecimal(double value) {
			return BigDecimal.valueOf(value).setScale(1, RoundingMode.HALF_UP).doubleValue();
		}
	}
}
