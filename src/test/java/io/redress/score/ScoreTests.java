package io.redress.score;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import io.redress.ApiTest;
import io.redress.complaint.ComplaintStatus;
import io.redress.realtime.EventCursor;
import io.redress.shared.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The stored score follows the complaints it rests on, for everyone, and its changes are pushed as they commit. */
class ScoreTests extends ApiTest {

	private static final String SCORE = """
			query($slug: String!) {
			  brand(slug: $slug) {
			    score {
			      value low high tier complaintCount ratedCount medianFirstResponseHours formulaVersion computedAt
			      components { name weight value sampleSize effectiveSize }
			    }
			  }
			}""";

	private static final String SCORE_CHANGED = """
			subscription($slug: String!, $after: String) {
			  scoreChanged(brandSlug: $slug, after: $after) { cursor brand { slug } score { value tier ratedCount } }
			}""";

	@Autowired
	DailyScoreRefresh dailyRefresh;

	private String brand;
	private String agent;

	@BeforeEach
	void brandWithAnAgent() {
		brand = unique("scored");
		agent = unique("agent");
		String owner = unique("owner");
		addMember(owner, registerBrand(owner, brand), agent, "AGENT");
	}

	@Test
	void brandNobodyComplainedAboutHasTheScoreOfNoComplaints() {
		Map<String, Object> score = score(brand);

		assertThat(score).containsEntry("value", 50.0).containsEntry("tier", "NOT_ENOUGH_DATA")
				.containsEntry("complaintCount", 0).containsEntry("ratedCount", 0)
				.containsEntry("formulaVersion", "2026-11");
		assertThat(score.get("medianFirstResponseHours")).isNull();
	}

	@Test
	void ratedResolutionMovesTheStoredScoreExactlyAsTheFormulaSays() {
		String consumer = unique("consumer");
		String rated = resolvedAndRated(consumer, 5, true);
		fileComplaint(unique("other"), brand, "Still waiting", "No answer yet");
		String withdrawn = fileComplaint(consumer, brand, "Never mind", "Found it");
		perform(consumer, "withdrawComplaint", withdrawn);

		Map<String, Object> score = eventually(brand, s -> (int) s.get("complaintCount") == 2
				&& (int) s.get("ratedCount") == 1);

		ResolutionScore expected = ResolutionScoreFormula.score(complaintsOf(brand),
				Instant.parse((String) score.get("computedAt")));
		assertThat(score.get("value")).isEqualTo(expected.value());
		assertThat(score.get("low")).isEqualTo(expected.low());
		assertThat(score.get("high")).isEqualTo(expected.high());
		assertThat(score.get("tier")).isEqualTo("NOT_ENOUGH_DATA");
		assertThat(score.get("value")).isNotEqualTo(50.0);
		assertThat(rated).isNotNull();
	}

	@Test
	void theBrandsFirstResponseMovesTheScoreAtOnceWhetherAMessageOrAProposal() {
		String consumer = unique("consumer");
		String answered = fileComplaint(consumer, brand, "Late parcel", "Where is it?");
		String proposedTo = fileComplaint(consumer, brand, "Wrong size", "Too small");
		eventually(brand, s -> (int) s.get("complaintCount") == 2 && respondedInTimeSample(s) == 0);

		as(agent).documentName("postMessage").variable("input", Map.of("complaintId", answered, "body",
				"We are looking into it", "visibility", "PRIVATE")).execute();
		eventually(brand, s -> respondedInTimeSample(s) == 1);

		perform(agent, "proposeResolution", proposedTo, Map.of("kind", "REPLACEMENT", "summary", "A new pair"));
		Map<String, Object> score = eventually(brand, s -> respondedInTimeSample(s) == 2);

		assertThat(score.get("medianFirstResponseHours")).isNotNull();
	}

	@Test
	void storedScoreOfABrandWithHundredsOfVariedComplaintsIsTheFormulasScoreOfThem() {
		String consumer = unique("consumer");
		fileComplaint(consumer, brand, "First", "Makes the profile");
		db.sql("""
				INSERT INTO complaints (brand_id, consumer_id, title, description, category, status, created_at,
				                        first_response_at, first_response_due_at)
				SELECT b.id, p.id, 'Generated ' || g, 'Varied', 'DELIVERY',
				       (ARRAY['OPEN','IN_PROGRESS','RESOLUTION_PROPOSED','RESOLVED','UNRESOLVED','WITHDRAWN'])[1 + g % 6],
				       now() - (g * 1.37) * interval '1 day' - (g % 24) * interval '1 hour',
				       CASE WHEN g % 4 <> 0 THEN now() - (g * 1.37) * interval '1 day' + (g % 97) * interval '1 hour' END,
				       now() - (g * 1.37) * interval '1 day' + (24 * (1 + g % 3)) * interval '1 hour'
				FROM generate_series(1, 300) AS g, brands b, profiles p WHERE b.slug = :slug AND p.subject = :consumer""")
				.bind("slug", brand).bind("consumer", consumer).then().as(StepVerifier::create).verifyComplete();
		db.sql("""
				INSERT INTO ratings (complaint_id, brand_id, stars, would_buy_again)
				SELECT c.id, c.brand_id, 1 + c.id % 5, c.id % 3 <> 0 FROM complaints c JOIN brands b ON b.id = c.brand_id
				WHERE b.slug = :slug AND c.status IN ('RESOLVED', 'UNRESOLVED')""")
				.bind("slug", brand).then().as(StepVerifier::create).verifyComplete();
		fileComplaint(consumer, brand, "Last", "Moves the score");

		int counted = ResolutionScoreFormula.score(complaintsOf(brand), Instant.now()).complaintCount();
		Map<String, Object> score = eventually(brand, s -> (int) s.get("complaintCount") == counted);

		ResolutionScore expected = ResolutionScoreFormula.score(complaintsOf(brand),
				Instant.parse((String) score.get("computedAt")));
		assertThat(score).containsEntry("value", expected.value()).containsEntry("low", expected.low())
				.containsEntry("high", expected.high()).containsEntry("tier", expected.tier().name())
				.containsEntry("complaintCount", expected.complaintCount())
				.containsEntry("ratedCount", expected.ratedCount())
				.containsEntry("medianFirstResponseHours", expected.medianFirstResponseHours());
		@SuppressWarnings("unchecked")
		List<Map<String, Object>> components = (List<Map<String, Object>>) score.get("components");
		for (int i = 0; i < components.size(); i++) {
			ScoreComponent component = expected.components().get(i);
			assertThat(components.get(i)).containsEntry("name", component.name().name())
					.containsEntry("sampleSize", component.sampleSize());
			assertThat((Double) components.get(i).get("value")).isCloseTo(component.value(), within(1e-9));
			assertThat((Double) components.get(i).get("effectiveSize"))
					.isCloseTo(component.effectiveSize(), within(1e-6));
		}
	}

	@Test
	void anonymousSubscriberReceivesTheNewScoreWhenARatingCommits() {
		String consumer = unique("consumer");
		String complaintId = resolvedComplaint(consumer, brand, agent);

		Map<String, Object> change = subscribe((String) null, SCORE_CHANGED,
				Map.of("slug", brand, "after", EventCursor.START.encoded()), "scoreChanged")
				.doOnSubscribe(subscribed -> perform(consumer, "rateResolution", complaintId,
						Map.of("stars", 4, "wouldBuyAgain", true)))
				.filter(pushed -> (int) score(pushed).get("ratedCount") == 1)
				.blockFirst(Duration.ofSeconds(15));

		assertThat(change.get("brand")).isEqualTo(Map.of("slug", brand));
		assertThat(score(change).get("value")).isEqualTo(score(brand).get("value"));
	}

	@Test
	void scoreChangedForAnUnknownBrandIsNotFound() {
		StepVerifier.create(subscribe((String) null, SCORE_CHANGED, Map.of("slug", unique("nobody")), "scoreChanged"))
				.expectErrorMatches(error -> error.getMessage().contains("NOT_FOUND"))
				.verify(Duration.ofSeconds(10));
	}

	@Test
	void everyComputationIsTheDaysSnapshot() {
		resolvedAndRated(unique("consumer"), 2, false);
		eventually(brand, s -> (int) s.get("ratedCount") == 1);

		anonymous().document("query($slug: String!) { brand(slug: $slug) { score { value } scoreHistory(days: 7) { day value tier ratedCount } } }")
				.variable("slug", brand).execute()
				.path("brand.scoreHistory").entityList(Object.class).hasSize(1)
				.path("brand.scoreHistory[0].day").entity(String.class)
				.isEqualTo(OffsetDateTime.now(ZoneOffset.UTC).toLocalDate().toString())
				.path("brand.scoreHistory[0].ratedCount").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void historyLongerThanAYearIsABadRequest() {
		anonymous().document("query($slug: String!) { brand(slug: $slug) { scoreHistory(days: 366) { day } } }")
				.variable("slug", brand).execute()
				.errors().expect(error -> "BAD_REQUEST".equals(error.getErrorType().toString()))
				.verify();
	}

	@Test
	void dailyRefreshRecomputesScoresNotComputedToday() {
		fileComplaint(unique("consumer"), brand, "Late", "Very late");
		eventually(brand, s -> (int) s.get("complaintCount") == 1);
		long brandId = brandId(brand);
		db.sql("UPDATE brand_scores SET computed_at = now() - interval '2 days' WHERE brand_id = :id")
				.bind("id", brandId).then().as(StepVerifier::create).verifyComplete();

		dailyRefresh.refresh().as(StepVerifier::create).verifyComplete();

		db.sql("SELECT computed_at > now() - interval '1 minute' AS fresh FROM brand_scores WHERE brand_id = :id")
				.bind("id", brandId).map(row -> row.get("fresh", Boolean.class)).one()
				.as(StepVerifier::create).expectNext(true).verifyComplete();
	}

	private String resolvedAndRated(String consumer, int stars, boolean wouldBuyAgain) {
		String complaintId = fileComplaint(consumer, brand, "Broken", "It broke");
		as(agent).documentName("postMessage").variable("input", Map.of("complaintId", complaintId, "body",
				"We are on it", "visibility", "PUBLIC")).execute();
		perform(agent, "proposeResolution", complaintId, Map.of("kind", "REPAIR", "summary", "We repair it"));
		perform(consumer, "acceptResolution", complaintId);
		perform(consumer, "rateResolution", complaintId, Map.of("stars", stars, "wouldBuyAgain", wouldBuyAgain))
				.path("rateResolution.userErrors").entityList(Object.class).hasSize(0);
		return complaintId;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> score(String slug) {
		return anonymous().document(SCORE).variable("slug", slug).execute()
				.path("brand.score").entity(Map.class).get();
	}

	@SuppressWarnings("unchecked")
	private static int respondedInTimeSample(Map<String, Object> score) {
		return ((List<Map<String, Object>>) score.get("components")).stream()
				.filter(component -> "RESPONDED_IN_TIME".equals(component.get("name")))
				.mapToInt(component -> (int) component.get("sampleSize")).sum();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> score(Map<String, Object> change) {
		return (Map<String, Object>) change.get("score");
	}

	/** The score keeper works after the commit, so the test waits for the score to show the change. */
	private Map<String, Object> eventually(String slug, Predicate<Map<String, Object>> condition) {
		return eventually(() -> score(slug), condition);
	}

	private List<ScoredComplaint> complaintsOf(String slug) {
		return db.sql("""
				SELECT o.created_at, o.status, o.first_response_at, o.first_response_due_at, o.stars, o.would_buy_again,
				       o.excluded_reason
				FROM complaint_outcomes o JOIN brands b ON b.id = o.brand_id
				WHERE b.slug = :slug""").bind("slug", slug)
				.map(row -> new ScoredComplaint(row.get("created_at", OffsetDateTime.class).toInstant(),
						ComplaintStatus.valueOf(row.get("status", String.class)),
						Optional.ofNullable(row.get("first_response_at", OffsetDateTime.class))
								.map(OffsetDateTime::toInstant).orElse(null),
						row.get("first_response_due_at", OffsetDateTime.class).toInstant(),
						row.get("stars", Integer.class), row.get("would_buy_again", Boolean.class),
						ScoreExclusion.of(row.get("excluded_reason", String.class))))
				.all().collectList().block(Duration.ofSeconds(10));
	}

	private long brandId(String slug) {
		String id = anonymous().document("query($slug: String!) { brand(slug: $slug) { id } }").variable("slug", slug)
				.execute().path("brand.id").entity(String.class).get();
		return GlobalId.decode(id, "Brand").orElseThrow();
	}
}
