package io.redress.insight;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * How a stretch of time {@code [from, to)} is read from the complaint module's theme counters, which count per UTC
 * month and per UTC day: months, plus or minus the days at each end (a month less its first three days is one month
 * and three days read, not 27 days), and the parts of days at its very ends, read complaint by complaint. Together
 * they count every instant of the stretch exactly once. A piece that is not needed is empty ({@code since == until}).
 * A year reads at most 13 months, 30 days and two part-days.
 */
record TallyCover(Range<LocalDate> months, Days before, Days after, Range<OffsetDateTime> head,
		Range<OffsetDateTime> tail) {

	/** {@code [since, until)}. */
	record Range<T>(T since, T until) {

		static <T> Range<T> empty(T at) {
			return new Range<>(at, at);
		}
	}

	/** Whole days added to the months ({@code sign} 1) or taken from them (-1). */
	record Days(Range<LocalDate> range, int sign) {

		static Days none(LocalDate at) {
			return new Days(Range.empty(at), 1);
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
			return new TallyCover(Range.empty(day), Days.none(day), Days.none(day), new Range<>(start, end),
					Range.empty(end));
		}
		Range<OffsetDateTime> head = new Range<>(start, firstMidnight);
		Range<OffsetDateTime> tail = new Range<>(lastMidnight, end);
		LocalDate firstDay = firstMidnight.toLocalDate();
		LocalDate endDay = lastMidnight.toLocalDate();
		LocalDate firstMonth = monthCeiling(firstDay);
		LocalDate endMonth = endDay.withDayOfMonth(1);
		if (firstMonth.isAfter(endMonth)) {
			// Within one month: its days, or the month less the days around them.
			LocalDate month = endMonth;
			LocalDate next = month.plusMonths(1);
			if (2 * ChronoUnit.DAYS.between(firstDay, endDay) <= ChronoUnit.DAYS.between(month, next)) {
				return new TallyCover(Range.empty(month), new Days(new Range<>(firstDay, endDay), 1),
						Days.none(endDay), head, tail);
			}
			return new TallyCover(new Range<>(month, next), new Days(new Range<>(month, firstDay), -1),
					new Days(new Range<>(endDay, next), -1), head, tail);
		}
		LocalDate monthsSince = firstMonth;
		Days before = new Days(new Range<>(firstDay, firstMonth), 1);
		LocalDate leading = firstMonth.minusMonths(1);
		if (2 * ChronoUnit.DAYS.between(firstDay, firstMonth) > ChronoUnit.DAYS.between(leading, firstMonth)) {
			monthsSince = leading;
			before = new Days(new Range<>(leading, firstDay), -1);
		}
		LocalDate monthsUntil = endMonth;
		Days after = new Days(new Range<>(endMonth, endDay), 1);
		LocalDate trailing = endMonth.plusMonths(1);
		if (2 * ChronoUnit.DAYS.between(endMonth, endDay) > ChronoUnit.DAYS.between(endMonth, trailing)) {
			monthsUntil = trailing;
			after = new Days(new Range<>(endDay, trailing), -1);
		}
		return new TallyCover(new Range<>(monthsSince, monthsUntil), before, after, head, tail);
	}

	private static LocalDate monthCeiling(LocalDate day) {
		return day.getDayOfMonth() == 1 ? day : day.withDayOfMonth(1).plusMonths(1);
	}
}
