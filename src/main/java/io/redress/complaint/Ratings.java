package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.Collection;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** The ratings table. */
@Repository
class Ratings {

	private static final String COLUMNS = "complaint_id, stars, would_buy_again, comment, rated_at, revisable";

	/** Writes a first rating, or revises one a reopen made revisable; empty when a rating stands. */
	private static final String PUT = """
			INSERT INTO ratings AS r (complaint_id, brand_id, stars, would_buy_again, comment)
			VALUES (:complaintId, :brandId, :stars, :wouldBuyAgain, :comment)
			ON CONFLICT (complaint_id) DO UPDATE
			SET stars = EXCLUDED.stars, would_buy_again = EXCLUDED.would_buy_again, comment = EXCLUDED.comment,
			    rated_at = now(), revisable = false
			WHERE r.revisable
			RETURNING %s""".formatted(COLUMNS);

	private static final String BY_COMPLAINTS = """
			SELECT %s FROM ratings WHERE complaint_id = ANY(:complaintIds)""".formatted(COLUMNS);

	private final DatabaseClient db;

	Ratings(DatabaseClient db) {
		this.db = db;
	}

	Mono<Rating> put(long complaintId, long brandId, int stars, boolean wouldBuyAgain, String comment) {
		return db.sql(PUT).bind("complaintId", complaintId).bind("brandId", brandId).bind("stars", stars)
				.bind("wouldBuyAgain", wouldBuyAgain).bind("comment", Parameter.fromOrEmpty(comment, String.class))
				.map(Ratings::rating).one();
	}

	Mono<Void> makeRevisable(long complaintId) {
		return db.sql("UPDATE ratings SET revisable = true WHERE complaint_id = :complaintId")
				.bind("complaintId", complaintId).then();
	}

	Flux<Rating> byComplaints(Collection<Long> complaintIds) {
		return db.sql(BY_COMPLAINTS).bind("complaintIds", complaintIds.toArray(Long[]::new)).map(Ratings::rating).all();
	}

	private static Rating rating(Readable row) {
		return new Rating(row.get("complaint_id", Long.class), row.get("stars", Integer.class),
				Boolean.TRUE.equals(row.get("would_buy_again", Boolean.class)), row.get("comment", String.class),
				row.get("rated_at", OffsetDateTime.class), Boolean.TRUE.equals(row.get("revisable", Boolean.class)));
	}
}
