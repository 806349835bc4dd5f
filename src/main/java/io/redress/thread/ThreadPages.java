package io.redress.thread;

import java.util.List;

import io.r2dbc.spi.Readable;
import reactor.core.publisher.Flux;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;

/**
 * Pages of many threads in one statement each, with the thread's rights and the public text applied in SQL: the
 * reads behind {@code Complaint.messages} and {@code Complaint.latestMessages} for a whole list of complaints.
 */
@Repository
class ThreadPages {

	/**
	 * What a reader of a batch gets of a message: participants the text, everyone else the public text masked when it
	 * was written; {@code unmasked} marks a row whose public text is not written yet, for the reader to mask. The
	 * message's columns come first, in the places of {@link Messages#COLUMNS}, for {@link Messages#message} to read
	 * them by position; then the key's number and {@code unmasked}.
	 */
	static final String READER_COLUMNS = """
			m.id, m.complaint_id, m.author_kind, m.visibility,
			CASE WHEN k.participant THEN m.body ELSE coalesce(m.public_body, m.body) END AS body,
			m.created_at, m.moderation, m.redacted, m.kept_from_partners,
			CASE m.author_kind WHEN 'BRAND' THEN b.name WHEN 'PARTNER' THEN b.name WHEN 'SYSTEM' THEN 'Redress'
			     ELSE a.author_name END AS author_name,
			k.key_no, NOT k.participant AND m.public_body IS NULL AS unmasked""";

	/** Where a row holds the number of its key (from 1) and whether its text is still to mask. */
	static final int KEY_NO = Messages.COLUMN_COUNT;
	static final int UNMASKED = Messages.COLUMN_COUNT + 1;

	/**
	 * The thread's rights: the brand's side and moderators (insiders) read every message; the consumer every one but
	 * the brand's internal notes; a partner those too but the private ones the consumer kept from partners; everyone
	 * else those public and not moderated away.
	 */
	private static final String READABLE = """
			(k.insider OR (k.participant AND m.visibility <> 'INTERNAL' AND NOT (k.partner AND m.kept_from_partners))
			 OR (m.visibility = 'PUBLIC' AND m.moderation IS NULL))""";

	/**
	 * A page of each of many threads in one statement: each key (a complaint, whether the reader takes part in it,
	 * where its page starts and how many rows it takes) reads its own page, its limit applied inside the join. The
	 * thread's author is read once per key, not once per message.
	 */
	private static final String PAGES = """
			SELECT %s
			FROM unnest(:complaintIds::bigint[], :participant::boolean[], :insider::boolean[], :partner::boolean[],
			            :afterIds::bigint[], :limits::int[])
			     WITH ORDINALITY AS k(complaint_id, participant, insider, partner, after_id, row_limit, key_no)
			JOIN complaint_authors a ON a.complaint_id = k.complaint_id
			CROSS JOIN LATERAL (
			  SELECT * FROM messages m
			  WHERE m.complaint_id = k.complaint_id AND m.id > k.after_id AND %s
			  ORDER BY m.id LIMIT k.row_limit) m
			JOIN brand_listing b ON b.brand_id = coalesce(m.author_brand_id, m.brand_id)
			ORDER BY k.key_no, m.id""".formatted(READER_COLUMNS, READABLE);

	/** The newest few messages of each of many threads in one statement, oldest first within each. */
	private static final String LATEST = """
			SELECT %s
			FROM unnest(:complaintIds::bigint[], :participant::boolean[], :insider::boolean[], :partner::boolean[])
			     WITH ORDINALITY AS k(complaint_id, participant, insider, partner, key_no)
			JOIN complaint_authors a ON a.complaint_id = k.complaint_id
			CROSS JOIN LATERAL (
			  SELECT * FROM messages m
			  WHERE m.complaint_id = k.complaint_id AND %s
			  ORDER BY m.id DESC LIMIT :count) m
			JOIN brand_listing b ON b.brand_id = coalesce(m.author_brand_id, m.brand_id)
			ORDER BY k.key_no, m.id""".formatted(READER_COLUMNS, READABLE);

	private final DatabaseClient db;

	ThreadPages(DatabaseClient db) {
		this.db = db;
	}

	/** A page of each thread {@code keys} name, in one statement; each row says which key it answers. */
	Flux<KeyedMessage> pages(List<ThreadPage> keys) {
		return db.sql(PAGES)
				.bind("complaintIds", keys.stream().map(ThreadPage::complaintId).toArray(Long[]::new))
				.bind("participant", keys.stream().map(ThreadPage::participant).toArray(Boolean[]::new))
				.bind("insider", keys.stream().map(ThreadPage::insider).toArray(Boolean[]::new))
				.bind("partner", keys.stream().map(ThreadPage::partner).toArray(Boolean[]::new))
				.bind("afterIds", keys.stream().map(ThreadPage::afterId).toArray(Long[]::new))
				.bind("limits", keys.stream().map(key -> key.page().fetchSize()).toArray(Integer[]::new))
				.map(ThreadPages::keyed).all();
	}

	/** The newest {@code count} messages each reader may read of each thread, in one statement. */
	Flux<KeyedMessage> latest(List<ThreadReader> threads, int count) {
		return db.sql(LATEST)
				.bind("complaintIds", threads.stream().map(ThreadReader::complaintId).toArray(Long[]::new))
				.bind("participant", threads.stream().map(ThreadReader::participant).toArray(Boolean[]::new))
				.bind("insider", threads.stream().map(ThreadReader::insider).toArray(Boolean[]::new))
				.bind("partner", threads.stream().map(ThreadReader::partner).toArray(Boolean[]::new))
				.bind("count", count)
				.map(ThreadPages::keyed).all();
	}

	/** A thread and how its reader takes part in it: at all, on the brand's side, as a partner brought into the case. */
	record ThreadReader(long complaintId, boolean participant, boolean insider, boolean partner) {
	}

	/** A message read for the key at {@code keyIndex} (from 0) of a batch. */
	record KeyedMessage(int keyIndex, Message message) {
	}

	/** Rows whose public text is not written yet come back unmasked for a reader outside the case: masked here. */
	private static KeyedMessage keyed(Readable row) {
		Message message = Messages.message(row);
		boolean unmasked = Boolean.TRUE.equals(row.get(UNMASKED, Boolean.class));
		return new KeyedMessage(Math.toIntExact(row.get(KEY_NO, Long.class)) - 1, unmasked ? message.masked() : message);
	}
}
