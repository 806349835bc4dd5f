package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.Collection;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/**
 * Follow-ups ({@code follow_ups}): one question per resolution, asked by the sweep, answered once by the consumer.
 * Other modules read them through the published view {@code complaint_follow_ups}.
 */
@Repository
class FollowUps {

	private static final String COLUMNS = "complaint_id, resolved_at, asked_at, held, comment, answered_at";

	private final DatabaseClient db;

	FollowUps(DatabaseClient db) {
		this.db = db;
	}

	Mono<Void> ask(long complaintId, long brandId, OffsetDateTime resolvedAt) {
		return db.sql("""
				INSERT INTO follow_ups (complaint_id, resolved_at, brand_id) VALUES (:complaintId, :resolvedAt, :brandId)
				ON CONFLICT DO NOTHING""")
				.bind("complaintId", complaintId).bind("resolvedAt", resolvedAt).bind("brandId", brandId).then();
	}

	/** The complaint's latest follow-up, locked until the transaction ends. */
	Mono<FollowUp> lockLatest(long complaintId) {
		return db.sql("""
				SELECT %s FROM follow_ups WHERE complaint_id = :complaintId ORDER BY resolved_at DESC LIMIT 1
				FOR UPDATE""".formatted(COLUMNS))
				.bind("complaintId", complaintId).map(FollowUps::followUp).one();
	}

	Mono<Void> answer(FollowUp asked, boolean held, String comment) {
		return db.sql("""
				UPDATE follow_ups SET held = :held, comment = :comment, answered_at = now()
				WHERE complaint_id = :complaintId AND resolved_at = :resolvedAt""")
				.bind("complaintId", asked.complaintId()).bind("resolvedAt", asked.resolvedAt()).bind("held", held)
				.bind("comment", Parameter.fromOrEmpty(comment, String.class)).then();
	}

	/** The consumer's words in their follow-ups go at erasure; whether each resolution held stays, as ratings' stars do. */
	Mono<Void> forgetComments(long consumerId) {
		return db.sql("""
				UPDATE follow_ups f SET comment = NULL FROM complaints c
				WHERE c.id = f.complaint_id AND c.consumer_id = :consumerId AND f.comment IS NOT NULL""")
				.bind("consumerId", consumerId).then();
	}

	/** The latest follow-up of each complaint that has one: one statement for a page. */
	Flux<FollowUp> latestOf(Collection<Long> complaintIds) {
		return db.sql("""
				SELECT DISTINCT ON (complaint_id) %s FROM follow_ups WHERE complaint_id = ANY(:ids)
				ORDER BY complaint_id, resolved_at DESC""".formatted(COLUMNS))
				.bind("ids", complaintIds.toArray(Long[]::new)).map(FollowUps::followUp).all();
	}

	/** Each brand's answered follow-ups and how many held: one statement for a page of brands. */
	Flux<FollowUpSummary> summaries(Collection<Long> brandIds) {
		return db.sql("""
				SELECT b.brand_id, count(f.answered_at) AS answered, count(*) FILTER (WHERE f.held) AS held
				FROM unnest(:ids::bigint[]) AS b(brand_id)
				LEFT JOIN follow_ups f ON f.brand_id = b.brand_id AND f.answered_at IS NOT NULL
				GROUP BY b.brand_id""")
				.bind("ids", brandIds.toArray(Long[]::new))
				.map(row -> new FollowUpSummary(row.get("brand_id", Long.class),
						row.get("answered", Long.class).intValue(), row.get("held", Long.class).intValue()))
				.all();
	}

	private static FollowUp followUp(Readable row) {
		return new FollowUp(row.get("complaint_id", Long.class), row.get("resolved_at", OffsetDateTime.class),
				row.get("asked_at", OffsetDateTime.class), row.get("held", Boolean.class),
				row.get("comment", String.class), row.get("answered_at", OffsetDateTime.class));
	}
}
