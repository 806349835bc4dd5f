package io.redress.bench;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import reactor.netty.http.client.HttpClient;

import org.springframework.r2dbc.core.DatabaseClient;

/**
 * Insights benchmark (not a test): how long one brand's insights over a year take, every field asked for, when the
 * brand has many complaints, all of them in that year (the most the period's aggregates can meet).
 *
 * <pre>
 * ./mvnw -q spring-boot:test-run -Dspring-boot.run.main-class=io.redress.bench.InsightsBenchmark \
 *   -Dspring-boot.run.arguments="100000 10"
 * </pre>
 * Arguments: complaints of the brand, measured requests. Titles and descriptions are drawn from a vocabulary of 160
 * complaint words (six and forty of them), so the themes meet texts of a realistic size and every pair of words: about
 * 30 terms and 45 phrases a complaint, 25,600 phrases in all, nearly all of them in every month.
 */
public final class InsightsBenchmark {

	private static final String WORDS = """
			parcel delivery courier late damaged refund charged twice invoice warranty broken screen battery
			subscription cancel renewal account locked password support agent rude waiting hours phone email chat
			replacement missing item wrong size colour return label driver doorstep neighbour signature tracking stuck
			depot customs fee discount voucher promo code expired store manager receipt payment declined card bank
			transfer overcharged price match installation technician appointment missed rescheduled kitchen washer
			fridge oven leak noise smell mould heater boiler router internet outage slow speed contract exit penalty
			billing error direct debit statement loyalty points lost order cancelled stock backorder preorder shipping
			cost free express standard weekend holiday gift wrap packaging plastic box crushed soaked rain left outside
			stolen porch camera photo proof evidence complaint escalation ombudsman chargeback dispute seller
			marketplace third party vendor counterfeit fake authentic quality stitching seam zipper sole heel fabric
			shrink fade wash instructions allergy ingredient expiry date food cold warm spoiled melted frozen thawed
			app crash update login sync data privacy unsubscribe spam newsletter""";

	/**
	 * One batch of complaints spread over the last 365 days; each text is a hash of its row number, so every run
	 * writes the same ones. Words grow more frequent in the later months for some rows, so some themes rise.
	 */
	private static final String SEED = """
			WITH words AS (SELECT array_agg(w) AS w FROM regexp_split_to_table(trim(:words), '\\s+') AS w)
			INSERT INTO complaints (brand_id, consumer_id, title, description, category, status, created_at,
			                        first_response_at, first_response_due_at, resolved_at, assignee, first_response_by)
			SELECT :brandId, :consumerId,
			       (SELECT string_agg(words.w[1 + abs(hashint8(g * 31 + k)) %% array_length(words.w, 1)], ' ')
			        FROM generate_series(1, 6) k),
			       (SELECT string_agg(words.w[1 + abs(hashint8(g * 17 + k)) %% (array_length(words.w, 1)
			                 - CASE WHEN g %% 365 < 60 THEN 0 ELSE 20 END)], ' ')
			        FROM generate_series(1, 40) k),
			       (ARRAY['DELIVERY','PRODUCT_QUALITY','REFUND','BILLING','CUSTOMER_SERVICE','OTHER'])[1 + g %% 6],
			       (ARRAY['OPEN','IN_PROGRESS','RESOLUTION_PROPOSED','RESOLVED','RESOLVED','UNRESOLVED'])[1 + g %% 6],
			       now() - (g %% 365) * interval '1 day' - (g %% 1440) * interval '1 minute',
			       CASE WHEN g %% 5 <> 0 THEN now() - (g %% 365) * interval '1 day' + (g %% 72) * interval '1 hour' END,
			       now() - (g %% 365) * interval '1 day' + interval '48 hours',
			       CASE WHEN g %% 6 IN (3, 4, 5) THEN now() - (g %% 365) * interval '1 day' + (g %% 20) * interval '1 day' END,
			       'bench-agent-' || g %% 12, CASE WHEN g %% 5 <> 0 THEN 'bench-agent-' || g %% 12 END
			FROM words, generate_series(:first, :last) AS g""".formatted();

	private static final String SEED_RATINGS = """
			INSERT INTO ratings (complaint_id, brand_id, stars, would_buy_again)
			SELECT id, brand_id, 1 + id % 5, id % 3 <> 0 FROM complaints
			WHERE brand_id = :brandId AND status IN ('RESOLVED', 'UNRESOLVED')""";

	private static final String QUERY = """
			query Insights($from: DateTime!, $to: DateTime!) {
			  brand(slug: "bench-insights") {
			    insights(from: $from, to: $to, granularity: WEEK) {
			      filed byCategory { key count } byStatus { key count } series { start filed resolved medianFirstResponseHours }
			      firstResponseHours { p50 p90 count } resolutionHours { p50 p90 count } resolutionRate
			      ratingDistribution { stars count } ratedCount wouldBuyAgainRate followUpHeldRate
			      themes { term count previousCount change complaintIds }
			      agents { subject answered resolved medianFirstResponseHours }
			      asPartner { involved answered firstResponseHours { p50 } }
			      userErrors { code }
			    }
			  }
			}""";

	/** The statements one by one: each field below runs one of them. */
	private static final List<String> PARTS = List.of("filed", "byCategory { key }", "series { filed }",
			"themes { term }", "agents { subject }", "asPartner { involved }");

	private static final String QUERY_PART = """
			query Part($from: DateTime!, $to: DateTime!) {
			  brand(slug: "bench-insights") { insights(from: $from, to: $to, granularity: WEEK) { %s } }
			}""";

	public static void main(String[] args) throws Exception {
		int complaints = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
		int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;

		BenchServer bench = BenchServer.start(Map.of());
		long brandId = bench.brand("bench-insights");
		DatabaseClient db = bench.db();
		db.sql("UPDATE brand_members SET role = 'MANAGER' WHERE brand_id = :id").bind("id", brandId).then().block();
		long seeding = System.nanoTime();
		seed(db, brandId, complaints);
		long seeded = Duration.ofNanos(System.nanoTime() - seeding).toSeconds();

		OffsetDateTime to = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).truncatedTo(ChronoUnit.SECONDS);
		String body = "{\"query\":" + json(QUERY) + ",\"variables\":{\"from\":\"" + to.minusDays(365)
				+ "\",\"to\":\"" + to + "\"}}";
		HttpClient client = HttpClient.create().baseUrl("http://localhost:" + bench.port())
				.headers(headers -> headers.set("Authorization", "Bearer " + bench.issuer().token("bench-agent"))
						.set("Content-Type", "application/json"));
		String first = request(client, body);
		List<Long> millis = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			long start = System.nanoTime();
			request(client, body);
			millis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
		}
		Collections.sort(millis);
		StringBuilder parts = new StringBuilder();
		for (String part : PARTS) {
			String partBody = "{\"query\":" + json(QUERY_PART.formatted(part)) + ",\"variables\":{\"from\":\""
					+ to.minusDays(365) + "\",\"to\":\"" + to + "\"}}";
			request(client, partBody);
			List<Long> partMillis = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				long start = System.nanoTime();
				request(client, partBody);
				partMillis.add(Duration.ofNanos(System.nanoTime() - start).toMillis());
			}
			Collections.sort(partMillis);
			parts.append("    %-40s median %d ms%n".formatted(part, partMillis.get(1)));
		}
		System.out.printf("""
				Redress insights benchmark (one node, client in the same JVM)
				  a brand with %,d complaints, all in the last 365 days (seeded in %d s)
				  a year of insights, every field: min %d ms, median %d ms, max %d ms over %d requests (after one warm-up)
				  each part alone (three requests each):
				%s  first answer, cut: %s
				""", complaints, seeded, millis.get(0), millis.get(millis.size() / 2), millis.get(millis.size() - 1),
				runs, parts, first.substring(0, Math.min(first.length(), 400)));
		bench.close();
		System.exit(0);
	}

	/**
	 * In batches of 200, so no statement outlasts the statement timeout while the complaint module's triggers
	 * extract each text's terms and phrases.
	 */
	private static void seed(DatabaseClient db, long brandId, int count) {
		long consumer = db.sql("INSERT INTO profiles (subject, public_name) VALUES ('bench-consumer', 'Bench') RETURNING id")
				.map(row -> row.get("id", Long.class)).one().block();
		for (int first = 1; first <= count; first += 200) {
			db.sql(SEED).bind("words", WORDS).bind("brandId", brandId).bind("consumerId", consumer)
					.bind("first", first).bind("last", Math.min(count, first + 199)).then().block();
		}
		db.sql(SEED_RATINGS).bind("brandId", brandId).then().block();
		db.sql("ANALYZE complaints").then().block();
		db.sql("ANALYZE ratings").then().block();
		// As autovacuum leaves them soon after: the past months' counters are read from their index alone.
		db.sql("VACUUM ANALYZE complaint_phrases").then().block();
		db.sql("VACUUM ANALYZE complaint_phrase_counts").then().block();
	}

	private static String request(HttpClient client, String body) {
		String answer = client.post().uri("/graphql").send(reactor.netty.ByteBufFlux.fromString(reactor.core.publisher.Mono.just(body)))
				.responseSingle((response, content) -> content.asString()).block(Duration.ofSeconds(60));
		if (answer == null || answer.contains("\"errors\"")) {
			throw new IllegalStateException("The insights request failed: " + answer);
		}
		return answer;
	}

	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}
}
