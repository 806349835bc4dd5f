package io.redress.complaint;

import java.time.OffsetDateTime;
import java.util.Collection;

import io.r2dbc.spi.Readable;
import io.redress.shared.TextMask;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.Parameter;
import org.springframework.stereotype.Repository;

/** The ratings table. */
@Repository
class Ratings {

	private static final String COLUMNS = "complaint_id, stars, would_buy_again, comment, rated_at, revisable";

	/** A page's columns for its rows' ratings, with {@code LEFT JOIN ratings rt ON rt.complaint_id = c.id}. */
	static final String JOINED_COLUMNS = """
			rt.complaint_id AS rating_complaint_id, rt.stars AS rating_stars,
			rt.would_buy_again AS rating_would_buy_again, rt.comment AS rating_comment, rt.rated_at AS rating_rated_at,
			rt.revisable AS rating_revisable""";

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

	/** Masks, for good, the comments of the consumer's ratings. */
	Mono<Void> maskComments(long consumerId) {
		return db.sql("""
				SELECT r.complaint_id, r.comment FROM ratings r JOIN complaints c ON c.id = r.complaint_id
				WHERE c.consumer_id = :consumerId AND r.comment IS NOT NULL""")
				.bind("consumerId", consumerId)
				.map(row -> new Proposals.Masked(row.get("complaint_id", Long.class),
						TextMask.maskToStore(row.get("comment", String.class), ComplaintLifecycle.MAX_COMMENT)))
				.all().collectList()
				.flatMap(masked -> masked.isEmpty() ? Mono.empty() : db.sql("""
						UPDATE ratings r SET comment = v.comment
						FROM unnest(:ids::bigint[], :comments::text[]) AS v(id, comment) WHERE r.complaint_id = v.id""")
						.bind("ids", masked.stream().map(Proposals.Masked::id).toArray(Long[]::new))
						.bind("comments", masked.stream().map(Proposals.Masked::text).toArray(String[]::new))
						.then());
	}

	/** How many columns {@link #JOINED_COLUMNS} holds, and where {@link #joined} reads each, from the first. */
	static final int JOINED_COLUMN_COUNT = 6;
	static final int JOINED_COMPLAINT_ID = 0;
	static final int JOINED_STARS = 1;
	static final int JOINED_WOULD_BUY_AGAIN = 2;
	static final int JOINED_COMMENT = 3;
	static final int JOINED_RATED_AT = 4;
	static final int JOINED_REVISABLE = 5;

	/**
	 * The rating a page's row read with {@link #JOINED_COLUMNS}, the first of them at {@code first} (by position: no
	 * search of the row's columns by name per value); null when the complaint has none.
	 */
	static Rating joined(Readable row, int first) {
		Long complaintId = row.get(first + JOINED_COMPLAINT_ID, Long.class);
		return complaintId == null ? null : new Rating(complaintId, row.get(first + JOINED_STARS, Integer.class),
				Boolean.TRUE.equals(row.get(first + JOINED_WOULD_BUY_AGAIN, Boolean.class)),
				row.get(first + JOINED_COMMENT, String.class), row.get(first + JOINED_RATED_AT, OffsetDateTime.class),
				Boolean.TRUE.equals(row.get(first + JOINED_REVISABLE, Boolean.class)));
	}

	private static Rating rating(Readable row) {
		return new Rating(row.get("complaint_id", Long.class), row.get("stars", Integer.class),
				Boolean.TRUE.equals(row.get("would_buy_again", Boolean.class)), row.get("comment", String.class),
				row.get("rated_at", OffsetDateTime.class), Boolean.TRUE.equals(row.get("revisable", Boolean.class)));
	}
}
