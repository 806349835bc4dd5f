package io.redress.complaint;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The public pages' own reads of complaints: a brand's latest rated resolutions, and its clocks in one aggregate. */
@Repository
class PublicCaseQueries {

	/** The newest ratings of resolved, public complaints, through the ratings' brand column. */
	private static final String RATED_RESOLUTIONS = """
			SELECT %s FROM ratings r JOIN complaints c ON c.id = r.complaint_id
			JOIN account_profiles p ON p.profile_id = c.consumer_id
			WHERE r.brand_id = :brandId AND c.status = 'RESOLVED' AND %s
			ORDER BY r.rated_at DESC, c.id DESC
			LIMIT :limit""".formatted(Complaints.COLUMNS, ComplaintPages.PUBLIC_ONLY);

	/** One aggregate over the brand's public complaints of the last 365 days, through its (brand_id, created_at) index. */
	private static final String TIMES = """
			SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_response_at - c.created_at))
			         FILTER (WHERE c.first_response_at IS NOT NULL) / 3600 AS response_hours,
			       count(*) FILTER (WHERE c.first_response_at IS NOT NULL) AS responded,
			       percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.resolved_at - c.created_at))
			         FILTER (WHERE c.status = 'RESOLVED' AND c.resolved_at IS NOT NULL) / 3600 AS resolution_hours,
			       count(*) FILTER (WHERE c.status = 'RESOLVED' AND c.resolved_at IS NOT NULL) AS resolved
			FROM complaints c
			WHERE c.brand_id = :brandId AND c.created_at > now() - interval '365 days' AND %s"""
			.formatted(ComplaintPages.PUBLIC_ONLY);

	private final DatabaseClient db;

	PublicCaseQueries(DatabaseClient db) {
		this.db = db;
	}

	Flux<Complaint> ratedResolutions(long brandId, int limit) {
		return db.sql(RATED_RESOLUTIONS).bind("brandId", brandId).bind("limit", limit)
				.map(Complaints::complaint).all();
	}

	Mono<CaseTimes> times(long brandId) {
		return db.sql(TIMES).bind("brandId", brandId).map(PublicCaseQueries::caseTimes).one();
	}

	private static CaseTimes caseTimes(Readable row) {
		return new CaseTimes(row.get("response_hours", Double.class), row.get("responded", Long.class).intValue(),
				row.get("resolution_hours", Double.class), row.get("resolved", Long.class).intValue());
	}
}
