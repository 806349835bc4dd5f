package io.redress.insight;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * What insights are asked for: one brand, a period {@code [from, to)} of at most a year, and the width of a series
 * point. The previous period, which themes compare against, is as long and ends where this one starts.
 */
record InsightPeriod(long brandId, OffsetDateTime from, OffsetDateTime to, InsightGranularity granularity) {

	/** The longest period: a year, leap day included. */
	static final Duration LONGEST = Duration.ofDays(366);

	OffsetDateTime previousFrom() {
		return from.minus(Duration.between(from, to));
	}
}
