package io.redress.brand;

import java.time.OffsetDateTime;
import java.util.Collection;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/** The brands' saved replies ({@code saved_replies}). */
@Repository
class SavedReplies {

	private static final String COLUMNS = "id, brand_id, title, body, created_at";

	private final DatabaseClient db;

	SavedReplies(DatabaseClient db) {
		this.db = db;
	}

	Mono<SavedReply> insert(long brandId, String title, String body, String createdBy) {
		return db.sql("""
				INSERT INTO saved_replies (brand_id, title, body, created_by) VALUES (:brandId, :title, :body, :createdBy)
				RETURNING %s""".formatted(COLUMNS))
				.bind("brandId", brandId).bind("title", title).bind("body", body).bind("createdBy", createdBy)
				.map(SavedReplies::savedReply).one();
	}

	Mono<SavedReply> findById(long id) {
		return db.sql("SELECT %s FROM saved_replies WHERE id = :id".formatted(COLUMNS)).bind("id", id)
				.map(SavedReplies::savedReply).one();
	}

	Mono<Long> delete(long id) {
		return db.sql("DELETE FROM saved_replies WHERE id = :id").bind("id", id).fetch().rowsUpdated();
	}

	Mono<Long> count(long brandId) {
		return db.sql("SELECT count(*) AS n FROM saved_replies WHERE brand_id = :brandId").bind("brandId", brandId)
				.map(row -> row.get("n", Long.class)).one();
	}

	/** Each brand's saved replies, by title, at most {@code limit} a brand: one statement for a page of brands. */
	Flux<SavedReply> ofBrands(Collection<Long> brandIds, int limit) {
		return db.sql("""
				SELECT r.* FROM unnest(:ids::bigint[]) AS b(brand_id)
				CROSS JOIN LATERAL (
				  SELECT %s FROM saved_replies s WHERE s.brand_id = b.brand_id
				  ORDER BY lower(s.title), s.id LIMIT :limit) r""".formatted(COLUMNS))
				.bind("ids", brandIds.toArray(Long[]::new)).bind("limit", limit)
				.map(SavedReplies::savedReply).all();
	}

	private static SavedReply savedReply(Readable row) {
		return new SavedReply(row.get("id", Long.class), row.get("brand_id", Long.class), row.get("title", String.class),
				row.get("body", String.class), row.get("created_at", OffsetDateTime.class));
	}
}
