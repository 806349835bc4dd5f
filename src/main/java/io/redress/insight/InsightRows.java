package io.redress.insight;

import java.time.OffsetDateTime;
import java.util.List;

/** The smaller read models of insights, one per kind of row their statements return. */
final class InsightRows {

	private InsightRows() {
	}

	/** Complaints of one category or in one status. */
	record Count(String key, long count) {
	}

	/** Both breakdowns of the period's complaints, read by one statement. */
	record Breakdown(List<Count> byCategory, List<Count> byStatus) {
	}

	/** One point of the series: complaints filed in {@code [start, start + granularity)}, and what became of them. */
	record Point(OffsetDateTime start, long filed, long resolved, Double medianFirstResponseHours) {
	}

	/**
	 * A term or phrase that rose against the previous period: as the newest complaint wrote it, as it is counted (one
	 * stem, or two in alphabetical order), the complaints of this period whose title or description holds it, as many
	 * in the previous one, and the newest few of them (global ids are made by the controller).
	 */
	record Theme(String term, String stem, long count, long previousCount, long change, List<Long> complaintIds) {
	}

	/** What one member did: first responses sent, cases resolved while assigned to them, their median first response. */
	record Agent(String subject, long answered, long resolved, Double medianFirstResponseHours) {
	}

	/** The brand as a partner in other brands' cases brought in during the period. */
	record AsPartner(long involved, long declined, long answered, Percentiles firstResponseHours) {
	}
}
