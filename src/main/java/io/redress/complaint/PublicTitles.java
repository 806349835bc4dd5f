package io.redress.complaint;

import java.util.List;

import io.redress.shared.Backfill;
import io.redress.shared.TextMask;
import reactor.core.publisher.Mono;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * Writes the public title (contact details masked) of complaints that have none: those filed before search matched
 * public titles only, or written straight into the table. It runs soon after start-up and then every minute, a batch
 * at a time; filing writes the public title itself, so there is usually nothing to do.
 */
@Component
class PublicTitles extends Backfill {

	/** Complaints whose public title is not written yet, locked so two nodes never mask the same ones. */
	private static final String UNMASKED_TITLES = """
			SELECT id, title FROM complaints WHERE public_title IS NULL ORDER BY id LIMIT :limit
			FOR UPDATE SKIP LOCKED""";

	private static final String SET_PUBLIC_TITLES = """
			UPDATE complaints c SET public_title = masked.public_title
			FROM unnest(:ids::bigint[], :publicTitles::text[]) AS masked(id, public_title)
			WHERE c.id = masked.id""";

	private final DatabaseClient db;

	PublicTitles(DatabaseClient db, TransactionalOperator tx) {
		super(tx, 500);
		this.db = db;
	}

	@Override
	protected Mono<Long> fill(int limit) {
		return db.sql(UNMASKED_TITLES).bind("limit", limit)
				.map(row -> new UnmaskedTitle(row.get("id", Long.class), row.get("title", String.class))).all()
				.collectList()
				.flatMap(batch -> batch.isEmpty() ? Mono.just(0L) : writePublicTitles(batch));
	}

	/** Writes the masked title of each complaint: one statement for the batch. */
	private Mono<Long> writePublicTitles(List<UnmaskedTitle> batch) {
		return db.sql(SET_PUBLIC_TITLES)
				.bind("ids", batch.stream().map(UnmaskedTitle::id).toArray(Long[]::new))
				.bind("publicTitles", batch.stream().map(title -> TextMask.mask(title.title())).toArray(String[]::new))
				.fetch().rowsUpdated();
	}

	@Override
	protected String description() {
		return "Masking complaints' public titles";
	}

	/** A complaint's id and title, before its public title is written. */
	private record UnmaskedTitle(long id, String title) {
	}
}
