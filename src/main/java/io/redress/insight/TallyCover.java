package io.redress.insight;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;

/**
 * How a stretch of time {@code [from, to)} is read from the complaint module's theme counters, which count per UTC
 * month and per UTC day: the whole months it holds, the whole days before and after them, and the parts of days at
 * its very ends, read complaint by complaint. Together they hold every instant of the stretch exactly once; a piece
 * that is not needed is empty ({@code since == until}). A year is at most 11 whole months, 60 days and two part-days.
 */
record TallyCover(Range<LocalDate> months, Range<LocalDate> daysBefore, Range<LocalDate> daysAfter,
		Range<OffsetDateTime> head, Range<OffsetDateTime> tail) {

	/** {@code [since, until)}. */
	record Range<T>(T since, T until) {

		static <T> Range<T> empty(T at) {
			return new Range<>(at, at);
		}
	}

	static TallyCover of(OffsetDateTime from, OffsetDateTime to) {
		OffsetDateTime start = from.withOffsetSameInstant(ZoneOffset.UTC);
		OffsetDateTime end = to.withOffsetSameInstant(ZoneOffset.UTC);
		OffsetDateTime firstMidnight = start.truncatedTo(ChronoUnit.DAYS).isEqual(start) ? start
				: start.truncatedTo(ChronoUnit.DAYS).plusDays(1);
		OffsetDateTime lastMidnight = end.truncatedTo(ChronoUnit.DAYS);
		if (!firstMidnight.isBefore(lastMidnight)) {
			// No whole day: all of it complaint by complaint.
			LocalDate day = start.toLocalDate();
			return new TallyCover(Range.empty(day), Range.empty(day), Range.empty(day), new Range<>(start, end),
					Range.empty(end));
		}
		LocalDate firstDay = firstMidnight.toLocalDate();
		LocalDate endDay = lastMidnight.toLocalDate();
		LocalDate firstMonth = firstDay.getDayOfMonth() == 1 ? firstDay
				: firstDay.with(TemporalAdjusters.firstDayOfNextMonth());
		LocalDate endMonth = endDay.withDayOfMonth(1);
		Range<OffsetDateTime> head = new Range<>(start, firstMidnight);
		Range<OffsetDateTime> tail = new Range<>(lastMidnight, end);
		if (!firstMonth.isBefore(endMonth)) {
			// No whole month: whole days between the part-days.
			return new TallyCover(Range.empty(firstDay), new Range<>(firstDay, endDay), Range.empty(endDay), head,
					tail);
		}
		return new TallyCover(new Range<>(firstMonth, endMonth), new Range<>(firstDay, firstMonth),
				new Range<>(endMonth, endDay), head, tail);
	}
}
