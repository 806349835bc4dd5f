package io.redress.insight;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import io.redress.insight.TallyCover.Range;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A period is read as whole months, whole days around them, and part-days at its ends: every instant once. */
class TallyCoverTests {

	@Test
	void aYearIsItsWholeMonthsTheWholeDaysAroundThemAndThePartDaysAtItsEnds() {
		TallyCover cover = TallyCover.of(at("2025-11-30T14:20:00Z"), at("2026-11-30T14:20:00Z"));

		assertThat(cover.head()).isEqualTo(new Range<>(at("2025-11-30T14:20:00Z"), at("2025-12-01T00:00:00Z")));
		assertThat(cover.daysBefore()).isEqualTo(Range.empty(day("2025-12-01")));
		assertThat(cover.months()).isEqualTo(new Range<>(day("2025-12-01"), day("2026-11-01")));
		assertThat(cover.daysAfter()).isEqualTo(new Range<>(day("2026-11-01"), day("2026-11-30")));
		assertThat(cover.tail()).isEqualTo(new Range<>(at("2026-11-30T00:00:00Z"), at("2026-11-30T14:20:00Z")));
	}

	@Test
	void aPeriodInOneMonthIsDaysBetweenItsPartDays() {
		TallyCover cover = TallyCover.of(at("2026-11-03T10:00:00+02:00"), at("2026-11-20T00:00:00Z"));

		assertThat(cover.head()).isEqualTo(new Range<>(at("2026-11-03T08:00:00Z"), at("2026-11-04T00:00:00Z")));
		assertThat(cover.months().since()).isEqualTo(cover.months().until());
		assertThat(cover.daysBefore()).isEqualTo(new Range<>(day("2026-11-04"), day("2026-11-20")));
		assertThat(cover.daysAfter().since()).isEqualTo(cover.daysAfter().until());
		assertThat(cover.tail().since()).isEqualTo(cover.tail().until());
	}

	@Test
	void aPeriodWithinADayIsReadComplaintByComplaint() {
		TallyCover cover = TallyCover.of(at("2026-11-03T10:00:00Z"), at("2026-11-04T09:00:00Z"));

		assertThat(cover.head()).isEqualTo(new Range<>(at("2026-11-03T10:00:00Z"), at("2026-11-04T09:00:00Z")));
		assertThat(cover.months().since()).isEqualTo(cover.months().until());
		assertThat(cover.daysBefore().since()).isEqualTo(cover.daysBefore().until());
		assertThat(cover.daysAfter().since()).isEqualTo(cover.daysAfter().until());
		assertThat(cover.tail().since()).isEqualTo(cover.tail().until());
	}

	@Test
	void aPeriodFromMidnightToMidnightHasNoPartDays() {
		TallyCover cover = TallyCover.of(at("2026-01-01T00:00:00Z"), at("2026-03-01T00:00:00Z"));

		assertThat(cover.months()).isEqualTo(new Range<>(day("2026-01-01"), day("2026-03-01")));
		assertThat(cover.head().since()).isEqualTo(cover.head().until());
		assertThat(cover.tail().since()).isEqualTo(cover.tail().until());
		assertThat(cover.daysBefore().since()).isEqualTo(cover.daysBefore().until());
		assertThat(cover.daysAfter().since()).isEqualTo(cover.daysAfter().until());
	}

	private static OffsetDateTime at(String instant) {
		return OffsetDateTime.parse(instant);
	}

	private static LocalDate day(String date) {
		return LocalDate.parse(date);
	}
}
