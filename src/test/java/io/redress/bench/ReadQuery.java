package io.redress.bench;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;

/**
 * The three anonymous reads of issue 12, as PostGraphile answered them on the same tables: one brand by slug; 20
 * brands, 5 complaints each, 3 public messages each; the 100 latest complaints with brand, author and rating. Each
 * holds Redress's document and the peer's (PostGraphile's schema names the same rows otherwise); both answers name
 * the counted fields alike, so {@link #rows} counts either.
 */
enum ReadQuery {

	/** One brand by slug (id, name, slug); each request asks for the next brand, so no one row stays hot. */
	Q1("query Q1($slug: String!) { brand(slug: $slug) { id name slug } }",
			"query Q1($slug: String!) { allBrands(condition: {slug: $slug}, first: 1) { nodes { id name slug } } }",
			"brand", "slug"),

	/**
	 * 20 brands, 5 complaints each (title, status), 3 messages each (body): the public ones, for an anonymous caller.
	 * PostGraphile's amber preset offers conditions on indexed columns only, and messages' visibility is not one: the
	 * peer reads the first three messages whatever their visibility.
	 */
	Q2("query Q2 { brands(first: 20) { nodes { name complaints(first: 5) { nodes { title status "
			+ "messages(first: 3) { nodes { body } } } } } } }",
			"query Q2 { allBrands(first: 20) { nodes { name complaintsByBrandId(first: 5) { nodes { title status "
					+ "messagesByComplaintId(first: 3) { nodes { body } } } } } } }",
			"brands", "name", "complaints", "title", "messages", "body"),

	/** The 100 latest complaints with their brand, the author's public name and the rating (null when unrated). */
	Q3("query Q3 { complaints(first: 100) { nodes { title brand { name } author { publicName } rating { stars } } } }",
			"query Q3 { allComplaints(first: 100, orderBy: CREATED_AT_DESC) { nodes { title brandByBrandId { name } "
					+ "profileByConsumerId { publicName } ratingByComplaintId { stars } } } }",
			"complaints", "title", "authors", "publicName", "ratings", "stars");

	private final String document;

	/** The same read in the schema PostGraphile v5 (amber preset) derives from Redress's tables: the benchmark's peer. */
	private final String peerDocument;

	/** Pairs of what to call a row and the field that occurs once per row in the answer. */
	private final String[] rows;

	ReadQuery(String document, String peerDocument, String... rows) {
		this.document = document;
		this.peerDocument = peerDocument;
		this.rows = rows;
	}

	String document() {
		return document;
	}

	/** The POST body of request number {@code sequence}; the document holds no quote, so it needs no escaping. */
	String requestBody(long sequence, int brands) {
		return body(document, sequence, brands);
	}

	/** The POST body of request number {@code sequence} for the peer (PostGraphile), asking for the same rows. */
	String peerRequestBody(long sequence, int brands) {
		return body(peerDocument, sequence, brands);
	}

	private String body(String text, long sequence, int brands) {
		String variables = this == Q1 ? "{\"slug\": \"" + ReadBenchData.slug(1 + (int) (sequence % brands)) + "\"}"
				: "{}";
		return "{\"query\": \"" + text + "\", \"variables\": " + variables + "}";
	}

	/**
	 * Every request of a run as the bytes sent, head and body, encoded once: one per brand for Q1 (request number n
	 * asks for brand n modulo their number), one for the others. The buffers wrap arrays (no allocator hands them out, so
	 * Netty's leak detector does not track them when a run drops them) and are never released; send duplicates.
	 */
	ByteBuf[] requests(String host, int brands) {
		int count = this == Q1 ? brands : 1;
		ByteBuf[] requests = new ByteBuf[count];
		for (int i = 0; i < count; i++) {
			byte[] body = requestBody(i, brands).getBytes(StandardCharsets.UTF_8);
			byte[] head = ("POST /graphql HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: application/json\r\n"
					+ "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
			byte[] bytes = Arrays.copyOf(head, head.length + body.length);
			System.arraycopy(body, 0, bytes, head.length, body.length);
			requests[i] = Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(bytes));
		}
		return requests;
	}

	/** What one answer held, such as "20 brands, 100 complaints, 300 messages". */
	String rows(String answer) {
		StringBuilder counted = new StringBuilder();
		for (int i = 0; i < rows.length; i += 2) {
			counted.append(i == 0 ? "" : ", ").append(occurrences(answer, "\"" + rows[i + 1] + "\":")).append(' ')
					.append(rows[i]);
		}
		return counted.toString();
	}

	private static int occurrences(String text, String key) {
		int count = 0;
		for (int at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + key.length())) {
			count++;
		}
		return count;
	}
}
