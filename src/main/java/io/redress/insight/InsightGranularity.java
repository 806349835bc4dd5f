package io.redress.insight;

/** The width of one point of an insights series; each is a PostgreSQL {@code date_trunc} field, in UTC. */
enum InsightGranularity {

	DAY, WEEK, MONTH;

	String field() {
		return name().toLowerCase();
	}
}
