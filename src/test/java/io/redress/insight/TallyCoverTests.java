package io.redress.insight;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.redress.insight.TallyCover.Days;
import io.redress.insight.TallyCover.Range;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A period is read as months plus or minus days at its ends, and part-days complaint by complaint: every instant
 * once, with as few counters as may be.
 */
class TallyCoverTests {

	@Test
	void aYearToNowIsItsMonthsLessTheRestOfTodaysMonthAndThePartDaysAtItsEnds() {
		TallyCover cover = TallyCover.of(at("2025-11-30T14:20:00Z"), at("2026-11-30T14:20:00Z"));

		assertThat(cover.head()).isEqualTo(new Range<>(at("2025-11-30T14:20:00Z"), at("2025-12-01T00:00:00Z")));
		assertThat(empty(cover.before())).isTrue();
		assertThat(cover.months()).isEqualTo(new Range<>(day("2025-12-01"), day("2026-12-01")));
		assertThat(cover.after()).isEqualTo(new Days(new Range<>(day("2026-11-30"), day("2026-12-01")), -1));
		assertThat(cover.tail()).isEqualTo(new Range<>(at("2026-11-30T00:00:00Z"), at("2026-11-30T14:20:00Z")));
	}

	@Test
	void aFewDaysAtAnEndAreAddedToTheMonthsAndMostOfAMonthIsTheMonthLessTheRest() {
		TallyCover cover = TallyCover.of(at("2026-01-04T00:00:00Z"), at("2026-04-03T00:00:00Z"));

		assertThat(cover.before()).isEqualTo(new Days(new Range<>(day("2026-01-01"), day("2026-01-04")), -1));
		assertThat(cover.months()).isEqualTo(new Range<>(day("2026-01-01"), day("2026-04-01")));
		assertThat(cover.after()).isEqualTo(new Days(new Range<>(day("2026-04-01"), day("2026-04-03")), 1));
		assertThat(cover.head().since()).isEqualTo(cover.head().until());
		assertThat(cover.tail().since()).isEqualTo(cover.tail().until());
	}

	@Test
	void withinOneMonthAFewDaysAreReadAsDaysAndMostOfItAsTheMonthLessTheDaysAround() {
		TallyCover few = TallyCover.of(at("2026-11-03T10:00:00+02:00"), at("2026-11-10T00:00:00Z"));

		assertThat(few.head()).isEqualTo(new Range<>(at("2026-11-03T08:00:00Z"), at("2026-11-04T00:00:00Z")));
		assertThat(few.months().since()).isEqualTo(few.months().until());
		assertThat(few.before()).isEqualTo(new Days(new Range<>(day("2026-11-04"), day("2026-11-10")), 1));
		assertThat(empty(few.after())).isTrue();

		TallyCover most = TallyCover.of(at("2026-11-03T08:00:00Z"), at("2026-11-20T00:00:00Z"));

		assertThat(most.months()).isEqualTo(new Range<>(day("2026-11-01"), day("2026-12-01")));
		assertThat(most.before()).isEqualTo(new Days(new Range<>(day("2026-11-01"), day("2026-11-04")), -1));
		assertThat(most.after()).isEqualTo(new Days(new Range<>(day("2026-11-20"), day("2026-12-01")), -1));
	}

	@Test
	void aPeriodWithinADayIsReadComplaintByComplaint() {
		TallyCover cover = TallyCover.of(at("2026-11-03T10:00:00Z"), at("2026-11-04T09:00:00Z"));

		assertThat(cover.head()).isEqualTo(new Range<>(at("2026-11-03T10:00:00Z"), at("2026-11-04T09:00:00Z")));
		assertThat(cover.months().since()).isEqualTo(cover.months().until());
		assertThat(empty(cover.before())).isTrue();
		assertThat(empty(cover.after())).isTrue();
		assertThat(cover.tail().since()).isEqualTo(cover.tail().until());
	}

	@Test
	void aPeriodFromMidnightToMidnightOfMonthsIsItsMonths() {
		TallyCover cover = TallyCover.of(at("2026-01-01T00:00:00Z"), at("2026-03-01T00:00:00Z"));

		assertThat(cover.months()).isEqualTo(new Range<>(day("2026-01-01"), day("2026-03-01")));
		assertThat(empty(cover.before())).isTrue();
		assertThat(empty(cover.after())).isTrue();
		assertThat(cover.head().since()).isEqualTo(cover.head().until());
		assertThat(cover.tail().since()).isEqualTo(cover.tail().until());
	}

	private static boolean empty(Days days) {
		return days.range().since().equals(days.range().until());
	}

	private static OffsetDateTime at(String instant) {
		return OffsetDateTime.parse(instant);
	}

	private static LocalDate day(String date) {
		return LocalDate.parse(date);
	}
}
