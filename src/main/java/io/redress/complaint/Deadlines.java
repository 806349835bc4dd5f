package io.redress.complaint;

import java.time.OffsetDateTime;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * The moments each complaint's log must announce ({@code complaint_deadlines}): written when a complaint is filed
 * or resolved, taken by the sweep once due. A row is done once, announced or not: a moment that no longer applies
 * (the brand answered before its target passed) is marked done silently.
 */
@Repository
class Deadlines {

	/**
	 * A new complaint's targets, each {@code DUE_SOON} its brand's lead before the target (read from the brand's
	 * settings as they are at filing); a due-soon moment already past at filing (a target shorter than its lead) is
	 * left out.
	 */
	private static final String SCHEDULE_TARGETS = """
			INSERT INTO complaint_deadlines (complaint_id, kind, due_at)
			SELECT c.id, d.kind, d.due_at FROM complaints c
			JOIN brand_listing b ON b.brand_id = c.brand_id
			CROSS JOIN LATERAL (VALUES
			    ('FIRST_RESPONSE_DUE_SOON', c.first_response_due_at - make_interval(hours => b.first_response_due_soon_hours)),
			    ('FIRST_RESPONSE_OVERDUE', c.first_response_due_at),
			    ('RESOLUTION_DUE_SOON', c.resolution_due_at - make_interval(hours => b.resolution_due_soon_hours)),
			    ('RESOLUTION_OVERDUE', c.resolution_due_at)) AS d(kind, due_at)
			WHERE c.id = :id AND d.due_at > now()""";

	/** The follow-up of a resolution just made, after the brand's delay; a later resolution asks again. */
	private static final String SCHEDULE_FOLLOW_UP = """
			INSERT INTO complaint_deadlines (complaint_id, kind, due_at)
			SELECT c.id, 'FOLLOW_UP', c.resolved_at + make_interval(days => b.follow_up_days)
			FROM complaints c JOIN brand_listing b ON b.brand_id = c.brand_id
			WHERE c.id = :id AND c.status = 'RESOLVED'
			ON CONFLICT (complaint_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at, done_at = NULL, announced = NULL""";

	/**
	 * Takes up to {@code :batch} due moments no other node holds, marks them done, and returns those that still
	 * apply with their complaint, all in the caller's transaction. A node that takes a row holds its lock until
	 * it commits; a node that reads it after that sees it done. So each moment is announced once, however many
	 * nodes sweep, and a sweep after downtime announces what came due meanwhile.
	 */
	private static final String TAKE_DUE = """
			WITH due AS (
			  SELECT d.complaint_id, d.kind FROM complaint_deadlines d
			  WHERE d.done_at IS NULL AND d.due_at <= now()
			  ORDER BY d.due_at LIMIT :batch
			  FOR UPDATE SKIP LOCKED),
			applying AS (
			  SELECT due.complaint_id, due.kind, c.brand_id, c.consumer_id, c.assignee, c.resolved_at
			  FROM due JOIN complaints c ON c.id = due.complaint_id
			  WHERE CASE due.kind
			    WHEN 'FIRST_RESPONSE_DUE_SOON' THEN c.status = 'OPEN' AND c.first_response_at IS NULL
			                                        AND c.first_response_due_at > now()
			    WHEN 'FIRST_RESPONSE_OVERDUE' THEN c.status = 'OPEN' AND c.first_response_at IS NULL
			    WHEN 'RESOLUTION_DUE_SOON' THEN c.status IN ('OPEN', 'IN_PROGRESS', 'RESOLUTION_PROPOSED')
			                                    AND c.resolution_due_at > now()
			    WHEN 'RESOLUTION_OVERDUE' THEN c.status IN ('OPEN', 'IN_PROGRESS', 'RESOLUTION_PROPOSED')
			    ELSE c.status = 'RESOLVED' END),
			done AS (
			  UPDATE complaint_deadlines d SET done_at = now(),
			         announced = EXISTS (SELECT 1 FROM applying a WHERE a.complaint_id = d.complaint_id AND a.kind = d.kind)
			  FROM due WHERE d.complaint_id = due.complaint_id AND d.kind = due.kind)
			SELECT * FROM applying ORDER BY complaint_id""";

	private final DatabaseClient db;

	Deadlines(DatabaseClient db) {
		this.db = db;
	}

	Mono<Void> scheduleTargets(long complaintId) {
		return db.sql(SCHEDULE_TARGETS).bind("id", complaintId).then();
	}

	Mono<Void> scheduleFollowUp(long complaintId) {
		return db.sql(SCHEDULE_FOLLOW_UP).bind("id", complaintId).then();
	}

	/** Call inside a transaction: the rows taken stay locked until it ends. */
	Flux<Due> takeDue(int batch) {
		return db.sql(TAKE_DUE).bind("batch", batch)
				.map(row -> new Due(row.get("complaint_id", Long.class), Deadline.valueOf(row.get("kind", String.class)),
						row.get("brand_id", Long.class), row.get("consumer_id", Long.class),
						row.get("assignee", String.class), row.get("resolved_at", OffsetDateTime.class)))
				.all();
	}

	/** A moment that came due and still applies, with what its announcement needs of the complaint. */
	record Due(long complaintId, Deadline deadline, long brandId, long consumerId, String assignee,
			OffsetDateTime resolvedAt) {
	}
}
