package io.redress.bench;

import java.util.List;
import java.util.Map;

import io.r2dbc.spi.ConnectionFactories;
import io.r2dbc.spi.ConnectionFactoryOptions;
import io.redress.testing.TestDatabase;

import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.r2dbc.core.DatabaseClient.GenericExecuteSpec;

/**
 * The read benchmark's data, written by SQL ({@code generate_series}) into an empty, migrated database: brands,
 * consumers, complaints spread unevenly over the brands, threads of public and private messages, ratings. Every value
 * is a hash of the row's number and the seed, so the same seed and volumes give the same rows, byte for byte.
 */
final class ReadBenchData {

	/** How many rows; {@link #issue()} are those of issue 12, against which PostGraphile was measured. */
	record Volumes(int brands, int consumers, int complaints) {

		static Volumes issue() {
			return new Volumes(2_000, 60_000, 200_000);
		}

		/** The issue's volumes times {@code scale} (at least one brand, consumer and complaint). */
		static Volumes scaled(double scale) {
			Volumes full = issue();
			return new Volumes(Math.max(1, (int) Math.round(full.brands * scale)),
					Math.max(1, (int) Math.round(full.consumers * scale)),
					Math.max(1, (int) Math.round(full.complaints * scale)));
		}
	}

	/** What the data holds once written, for the report. */
	record Counts(long brands, long profiles, long complaints, long messages, long publicMessages, long ratings,
			long largestBrand, long smallestBrand) {
	}

	/** A brand's slug, as Q1 asks for it: {@code brand-1} to {@code brand-<brands>}. */
	static String slug(int brand) {
		return "brand-" + brand;
	}

	// u(n, k) is a uniform number in [0, 1) made from the row number n, the column k and the seed:
	// (hashint8extended(n * 16 + k, :seed) & 1048575) / 1048576.0

	private static final String BRANDS = """
			INSERT INTO brands (id, slug, name, website, domain, description, status, response_target_hours,
			                    created_at, verified_at)
			OVERRIDING SYSTEM VALUE
			SELECT g, 'brand-' || g, initcap(w.word) || ' ' || upper(substr(md5(g || ':' || :seed), 1, 5)) || ' ' || g,
			       'https://brand-' || g || '.example', 'brand-' || g || '.example',
			       'We make ' || w.word || ' things, since ' || (1950 + g % 70) || '.',
			       CASE WHEN u.s < 0.6 THEN 'VERIFIED' WHEN u.s < 0.8 THEN 'UNVERIFIED' ELSE 'UNCLAIMED' END,
			       24 * (1 + g % 3), :epoch::timestamptz - interval '3 years' + g * interval '1 hour',
			       CASE WHEN u.s < 0.6 THEN :epoch::timestamptz - interval '2 years' END
			FROM generate_series(1, :brands) AS g,
			     LATERAL (SELECT (hashint8extended(g * 16 + 1, :seed) & 1048575) / 1048576.0 AS s,
			                     (hashint8extended(g * 16 + 2, :seed) & 1048575) AS w) AS u,
			     LATERAL (SELECT (ARRAY['acme', 'globex', 'initech', 'umbrella', 'stark', 'wayne', 'tyrell', 'cyberdyne',
			                            'soylent', 'hooli', 'vandelay', 'wonka', 'oscorp', 'aperture', 'monarch',
			                            'gringotts'])[1 + u.w % 16] AS word) AS w""";

	private static final String OWNERS = """
			INSERT INTO brand_members (brand_id, subject, role, added_at)
			SELECT id, 'owner-' || id, 'OWNER', created_at FROM brands WHERE status <> 'UNCLAIMED'""";

	private static final String CONSUMERS = """
			INSERT INTO profiles (id, subject, public_name, created_at)
			OVERRIDING SYSTEM VALUE
			SELECT g, 'consumer-' || g, 'Customer ' || upper(substr(md5('c' || g || ':' || :seed), 1, 6)),
			       :epoch::timestamptz - interval '3 years' + g * interval '10 minutes'
			FROM generate_series(1, :consumers) AS g""";

	/**
	 * Complaints over two years; the brand is the cube of a uniform number scaled to the brands, so brand 1 gets about
	 * 8 % of all complaints and the smallest a third of the average: spread unevenly, as real brands are. Titles hold
	 * no contact details (their public title is the title), a tenth of the descriptions do.
	 */
	private static final String COMPLAINTS = """
			INSERT INTO complaints (id, brand_id, consumer_id, title, public_title, description, category, status,
			                        created_at, first_response_at, first_response_due_at, resolved_at, moderation)
			OVERRIDING SYSTEM VALUE
			SELECT g, 1 + least(:brands - 1, floor(:brands * u.b ^ 3)::int), 1 + u.c % :consumers, t.title, t.title,
			       t.title || '. ' || (ARRAY['I ordered it weeks ago and nothing came.',
			                                 'The support line kept me waiting for an hour, then hung up.',
			                                 'It broke on the second day and they refuse to replace it.',
			                                 'I was charged twice and nobody answers my messages.',
			                                 'The subscription renewed although I cancelled it in time.'])[1 + u.d % 5]
			       || repeat(' I have the receipt and the photos, and I asked politely more than once.', 1 + u.d % 6)
			       || CASE WHEN u.d % 10 = 0 THEN ' Reach me at customer' || g || '@mail.example or +1 555 010 ' || (1000 + g % 9000) || '.'
			               ELSE '' END,
			       (ARRAY['DELIVERY', 'PRODUCT_QUALITY', 'REFUND', 'BILLING', 'CUSTOMER_SERVICE', 'WARRANTY',
			              'SUBSCRIPTION', 'PRIVACY', 'OTHER'])[1 + u.d % 9],
			       s.status, s.created_at,
			       CASE WHEN s.status <> 'OPEN' THEN s.created_at + (1 + u.c % 96) * interval '1 hour' END,
			       s.created_at + interval '48 hours',
			       CASE WHEN s.status IN ('RESOLVED', 'UNRESOLVED') THEN s.created_at + (4 + u.c % 30) * interval '1 day' END,
			       CASE WHEN u.m < 0.005 THEN 'HELD' WHEN u.m < 0.008 THEN 'HIDDEN' END
			FROM generate_series(1, :complaints) AS g,
			     LATERAL (SELECT (hashint8extended(g * 16 + 1, :seed) & 1048575) / 1048576.0 AS b,
			                     (hashint8extended(g * 16 + 2, :seed) & 1048575) / 1048576.0 AS s,
			                     (hashint8extended(g * 16 + 3, :seed) & 1048575) / 1048576.0 AS m,
			                     (hashint8extended(g * 16 + 4, :seed) & 1073741823)::int AS c,
			                     (hashint8extended(g * 16 + 5, :seed) & 1048575)::int AS d,
			                     (hashint8extended(g * 16 + 6, :seed) & 1048575) / 1048576.0 AS t) AS u,
			     LATERAL (SELECT CASE WHEN u.s < 0.20 THEN 'OPEN' WHEN u.s < 0.45 THEN 'IN_PROGRESS'
			                          WHEN u.s < 0.50 THEN 'RESOLUTION_PROPOSED' WHEN u.s < 0.80 THEN 'RESOLVED'
			                          WHEN u.s < 0.95 THEN 'UNRESOLVED' ELSE 'WITHDRAWN' END AS status,
			                     :epoch::timestamptz - u.t * interval '730 days' AS created_at) AS s,
			     LATERAL (SELECT (ARRAY['Order never arrived', 'Refund still missing', 'Broken on arrival',
			                            'Charged twice', 'Rude support', 'Warranty refused', 'Cannot cancel my plan',
			                            'Wrong size sent'])[1 + u.d % 8] || ' (order ' || (10000 + u.c % 90000) || ')'
			                     AS title) AS t""";

	/** Up to six messages a complaint (three on average), alternating brand and consumer; four in five public. */
	private static final String MESSAGES = """
			INSERT INTO messages (complaint_id, brand_id, author_kind, author_subject, visibility, body, created_at)
			SELECT c.id, c.brand_id, CASE WHEN n % 2 = 1 THEN 'BRAND' ELSE 'CONSUMER' END,
			       CASE WHEN n % 2 = 1 THEN 'owner-' || c.brand_id ELSE 'consumer-' || c.consumer_id END,
			       CASE WHEN u.v < 0.8 THEN 'PUBLIC' ELSE 'PRIVATE' END,
			       (ARRAY['Thank you for reaching out, we are looking into it.',
			              'Still nothing, and it has been another week.',
			              'We have sent a replacement; it should arrive within five working days.',
			              'Could you send us your order number and a photo?',
			              'That is not what I asked for.'])[1 + u.w % 5]
			       || repeat(' Please keep this thread updated.', u.w % 4)
			       || CASE WHEN u.w % 20 = 0 THEN ' Call me on 0049 30 1234 ' || (100 + c.id % 900) || '.' ELSE '' END,
			       c.created_at + n * interval '5 hours'
			FROM complaints c,
			     LATERAL generate_series(1, (hashint8extended(c.id * 16 + 7, :seed) & 1048575)::int % 7) AS n,
			     LATERAL (SELECT (hashint8extended(c.id * 64 + n, :seed + 1) & 1048575) / 1048576.0 AS v,
			                     (hashint8extended(c.id * 64 + n, :seed + 2) & 1048575)::int AS w) AS u
			WHERE c.id BETWEEN 1 AND :complaints
			ORDER BY c.id, n""";

	/** Seven in ten ended complaints are rated. */
	private static final String RATINGS = """
			INSERT INTO ratings (complaint_id, brand_id, stars, would_buy_again, comment, rated_at)
			SELECT c.id, c.brand_id, CASE WHEN c.status = 'RESOLVED' THEN 3 + u.r % 3 ELSE 1 + u.r % 2 END,
			       c.status = 'RESOLVED' AND u.r % 4 <> 0,
			       CASE WHEN u.r % 3 = 0 THEN 'It took a while, but it ended.' END, c.resolved_at + interval '1 day'
			FROM complaints c,
			     LATERAL (SELECT (hashint8extended(c.id * 16 + 8, :seed) & 1048575)::int AS r) AS u
			WHERE c.status IN ('RESOLVED', 'UNRESOLVED') AND u.r % 10 < 7""";

	/** Identity columns continue after the explicit ids, so the server can still insert. */
	private static final List<String> IDENTITIES = List.of(
			"SELECT setval(pg_get_serial_sequence('brands', 'id'), (SELECT max(id) FROM brands))",
			"SELECT setval(pg_get_serial_sequence('profiles', 'id'), (SELECT max(id) FROM profiles))",
			"SELECT setval(pg_get_serial_sequence('complaints', 'id'), (SELECT max(id) FROM complaints))");

	private static final String COUNTS = """
			SELECT (SELECT count(*) FROM brands) AS brands, (SELECT count(*) FROM profiles) AS profiles,
			       (SELECT count(*) FROM complaints) AS complaints, (SELECT count(*) FROM messages) AS messages,
			       (SELECT count(*) FROM messages WHERE visibility = 'PUBLIC') AS public_messages,
			       (SELECT count(*) FROM ratings) AS ratings,
			       (SELECT coalesce(max(n), 0) FROM (SELECT count(*) AS n FROM complaints GROUP BY brand_id) AS b) AS largest,
			       (SELECT coalesce(min(n), 0) FROM (SELECT count(*) AS n FROM complaints GROUP BY brand_id) AS b) AS smallest""";

	/** A digest of every generated row, to show that a seed reproduces the data. */
	private static final String FINGERPRINT = """
			SELECT md5(string_agg(row_digest, '' ORDER BY row_digest)) FROM (
			    SELECT md5(b::text) AS row_digest FROM (SELECT id, slug, name, status, created_at FROM brands) AS b
			    UNION ALL SELECT md5(c::text) FROM (SELECT id, brand_id, consumer_id, title, description, status,
			                                               created_at, moderation FROM complaints) AS c
			    UNION ALL SELECT md5(m::text) FROM (SELECT complaint_id, author_kind, visibility, body, created_at
			                                        FROM messages) AS m
			    UNION ALL SELECT md5(r::text) FROM (SELECT complaint_id, stars, would_buy_again FROM ratings) AS r
			) AS rows""";

	/** Timestamps count back from here rather than from now(), so a seed gives the same rows on any day. */
	private static final String EPOCH = "2026-11-01T00:00:00Z";

	private ReadBenchData() {
	}

	/**
	 * A client of its own on {@code database}, a connection per statement, so writing hundreds of thousands of rows
	 * is not held to the server's statement timeout.
	 */
	static DatabaseClient client(TestDatabase database) {
		return DatabaseClient.create(ConnectionFactories.get(ConnectionFactoryOptions.parse(database.r2dbcUrl())
				.mutate().option(ConnectionFactoryOptions.USER, database.username())
				.option(ConnectionFactoryOptions.PASSWORD, database.password()).build()));
	}

	/** Writes the data into an empty, migrated database (brands and complaints must have no rows yet). */
	static Counts seed(DatabaseClient db, Volumes volumes, long seed) {
		Map<String, Object> values = Map.of("seed", seed, "epoch", EPOCH, "brands", volumes.brands(), "consumers",
				volumes.consumers(), "complaints", volumes.complaints());
		for (String insert : List.of(BRANDS, OWNERS, CONSUMERS, COMPLAINTS, MESSAGES, RATINGS)) {
			GenericExecuteSpec statement = db.sql(insert);
			for (Map.Entry<String, Object> value : values.entrySet()) {
				if (insert.contains(":" + value.getKey())) {
					statement = statement.bind(value.getKey(), value.getValue());
				}
			}
			statement.then().block();
		}
		IDENTITIES.forEach(statement -> db.sql(statement).then().block());
		db.sql("VACUUM ANALYZE").then().block();
		return counts(db);
	}

	/** Whether the database already holds benchmark data (or any complaints at all). */
	static boolean seeded(DatabaseClient db) {
		return db.sql("SELECT EXISTS (SELECT FROM complaints) AS seeded").map(row -> row.get("seeded", Boolean.class))
				.one().block();
	}

	static Counts counts(DatabaseClient db) {
		return db.sql(COUNTS).map(row -> new Counts(row.get("brands", Long.class), row.get("profiles", Long.class),
				row.get("complaints", Long.class), row.get("messages", Long.class),
				row.get("public_messages", Long.class), row.get("ratings", Long.class),
				row.get("largest", Long.class), row.get("smallest", Long.class))).one().block();
	}

	static String fingerprint(DatabaseClient db) {
		return db.sql(FINGERPRINT).map(row -> row.get(0, String.class)).one().block();
	}
}
