package io.redress.moderation;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.complaint.ComplaintEventType;
import io.redress.realtime.EventCursor;
import io.redress.realtime.StoredEvent;
import io.redress.realtime.Visibility;
import io.redress.shared.GlobalId;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The signals of fake resolutions and review bombing, end to end over HTTP with real tokens: each rule trips, a near
 * miss does not, a held complaint stays public and leaves the score until a moderator rules, a brand's flag never
 * holds, and each event holds once however often it is applied.
 * <p>
 * Its own context: the signals are off in the shared one (every test account there is new), and here their
 * thresholds are small enough to reach. An account is new for the quick rule and the burst when first seen less than
 * an hour before filing, for the cluster within the default 72 hours: a consumer first seen two hours before filing
 * is new only for the cluster. The context is closed after the class, so its signal watch never sees the shared
 * context's tests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"redress.signals.enabled=true",
		"redress.signals.quick-perfect-resolution.account-age=1h",
		"redress.signals.quick-perfect-resolution.within=1h",
		"redress.signals.praise-cluster.count=3",
		"redress.signals.burst.count=3",
		"redress.signals.burst.account-age=1h" })
@DirtiesContext
class SignalTests extends ApiTest {

	@Autowired
	private SignalWatch watch;

	@Autowired
	private TransactionalOperator tx;

	@Test
	void signalRulesArePublicWithTheirThresholdsInPlainWords() {
		List<Map<String, Object>> rules = anonymous().documentName("signals").operationName("signalRules").execute()
				.path("signalRules").entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
				}).get();

		assertThat(rules).extracting(rule -> rule.get("name")).containsExactly("QUICK_PERFECT_RESOLUTION",
				"NEW_ACCOUNT_PRAISE_CLUSTER", "NEW_ACCOUNT_BURST");
		assertThat(rules).allMatch(rule -> Boolean.TRUE.equals(rule.get("enabled")));
		assertThat(rules.get(0).get("description")).isEqualTo("Resolved and rated 4 stars or more within 1 hour of "
				+ "filing, by an account first seen less than 1 hour before it filed.");
		assertThat((String) rules.get(2).get("description")).startsWith("One of 3 or more complaints filed against");
	}

	@Test
	void selfDealtResolutionIsHeldInPublicOutOfTheScoreUntilAModeratorKeepsIt() {
		Brand brand = brand();
		String consumer = unique("stooge");
		String complaint = rated(consumer, brand, 5);

		Map<String, Object> held = eventually(() -> reviewed(anonymous(), complaint),
				seen -> Boolean.TRUE.equals(seen.get("underReview")));
		assertThat(held.get("moderation")).as("held, still public").isEqualTo("HELD");
		assertThat(held.get("description")).isNotNull();
		Map<?, ?> signal = (Map<?, ?>) ((List<?>) ((Map<?, ?>) held.get("review")).get("signals")).get(0);
		assertThat(signal.get("rule")).isEqualTo("QUICK_PERFECT_RESOLUTION");
		String description = (String) signal.get("description");
		assertThat(description).contains("within 1 hour of filing");
		assertThat(feedOf(brand.slug())).as("still in the brand's public feed, marked").containsEntry(complaint, true);
		assertThat(webSocketClient(issuer().token(consumer)).document("""
				query Review($id: ID!) { complaint(id: $id) { underReview review { signals { rule } } } }""")
				.variable("id", complaint).retrieve("complaint.review.signals[0].rule").toEntity(String.class)
				.block(Duration.ofSeconds(10))).as("over WebSocket too").isEqualTo("QUICK_PERFECT_RESOLUTION");
		assertThat(subscribe(issuer().token(consumer), """
				subscription Events($id: ID!, $after: String) { complaintEvents(complaintId: $id, after: $after) { type } }""",
				Map.of("id", complaint, "after", EventCursor.START.encoded()), "complaintEvents")
				.filter(event -> "COMPLAINT_MODERATED".equals(event.get("type"))).blockFirst())
				.as("the consumer is told on their subscription").isNotNull();

		standing(brand.slug()).path("brand.moderation.heldCount").entity(Integer.class).isEqualTo(1)
				.path("brand.moderation.byReason[0].reason").entity(String.class).isEqualTo("NOT_A_REAL_CASE")
				.path("brand.moderationLog.nodes[0].action").entity(String.class).isEqualTo("HELD")
				.path("brand.moderationLog.nodes[0].askedBy").entity(String.class).isEqualTo("PLATFORM")
				.path("brand.moderationLog.nodes[0].publicReason").entity(String.class).isEqualTo(description);
		Map<String, Object> score = eventuallyScore(brand.slug(), s -> ((Integer) s.get("excludedCount")) == 1);
		assertThat(score).containsEntry("complaintCount", 0).containsEntry("ratedCount", 0)
				.containsEntry("exclusions", List.of(Map.of("reason", "UNDER_REVIEW", "count", 1)));

		Map<String, Object> flag = queuedFlagOf(complaint);
		assertThat(flag).containsEntry("status", "OPEN").containsEntry("askedBy", "PLATFORM")
				.containsEntry("note", description);
		assertThat(((Map<?, ?>) flag.get("signal")).get("name")).isEqualTo("QUICK_PERFECT_RESOLUTION");

		rule((String) flag.get("id"), "KEEP", "A real order, resolved with a real refund")
				.path("ruleOnFlag.flag.status").entity(String.class).isEqualTo("RULED");

		Map<String, Object> kept = reviewed(anonymous(), complaint);
		assertThat(kept).containsEntry("underReview", false).containsEntry("moderation", null)
				.containsEntry("review", null);
		standing(brand.slug()).path("brand.moderation.heldCount").entity(Integer.class).isEqualTo(0)
				.path("brand.moderationLog.nodes[0].action").entity(String.class).isEqualTo("RELEASED")
				.path("brand.moderationLog.nodes[0].publicReason").entity(String.class)
				.isEqualTo("A real order, resolved with a real refund");
		eventuallyScore(brand.slug(), s -> ((Integer) s.get("ratedCount")) == 1
				&& ((Integer) s.get("excludedCount")) == 0);

		assertThat(applyAgain(complaint, ComplaintEventType.RESOLUTION_RATED))
				.as("the rule a moderator kept it against never holds it again").isEmpty();
		assertThat(reviewed(anonymous(), complaint)).containsEntry("underReview", false);
	}

	@Test
	void aRulingOnAnotherFlagLeavesTheSignalsHoldInPlace() {
		Brand brand = brand();
		String consumer = unique("stooge");
		String complaint = rated(consumer, brand, 5);
		eventually(() -> reviewed(anonymous(), complaint), seen -> Boolean.TRUE.equals(seen.get("underReview")));
		String privacyFlag = as(unique("reader")).documentName("moderation").operationName("flagContent")
				.variable("input", Map.of("targetId", complaint, "reason", "PERSONAL_DATA"))
				.execute().path("flagContent.flag.id").entity(String.class).get();
		HttpGraphQlTester moderator = moderator();
		moderator.documentName("moderation").operationName("hideFlaggedContent")
				.variable("input", Map.of("flagId", privacyFlag)).execute()
				.path("hideFlaggedContent.flag.hidden").entity(Boolean.class).isEqualTo(true);
		assertThat(reviewed(as(consumer), complaint)).containsEntry("moderation", "HIDDEN");

		rule(privacyFlag, "KEEP", "No personal data in it after all");

		Map<String, Object> held = reviewed(anonymous(), complaint);
		assertThat(held).containsEntry("moderation", "HELD").containsEntry("underReview", true);
		assertThat(held.get("review")).isNotNull();
		standing(brand.slug()).path("brand.moderation.heldCount").entity(Integer.class).isEqualTo(1)
				.path("brand.moderationLog.nodes[*].action").entityList(String.class)
				.containsExactly("HELD", "RELEASED", "HELD", "HELD");
	}

	@Test
	void quickPerfectResolutionSparesAnEstablishedAccountAndAModestRating() {
		Brand brand = brand();
		String established = establishedConsumer();
		String praised = rated(established, brand, 5);
		String modest = rated(unique("modest"), brand, 3);

		awaitSignals(praised, modest);

		assertThat(reviewed(anonymous(), praised)).containsEntry("underReview", false).containsEntry("review", null);
		assertThat(reviewed(anonymous(), modest)).containsEntry("underReview", false);
		standing(brand.slug()).path("brand.moderation.heldCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void anAccountIsAsOldAsRedressKnowsItSoErasingAndComingBackMakesItNew() {
		Brand brand = brand();
		String regular = establishedConsumer();
		as(regular).documentName("eraseAccount").variable("input", Map.of("confirm", "ERASE")).execute()
				.path("eraseAccount.erased").entity(Boolean.class).isEqualTo(true);

		String complaint = rated(regular, brand, 5);

		Map<String, Object> held = eventually(() -> reviewed(anonymous(), complaint),
				seen -> Boolean.TRUE.equals(seen.get("underReview")));
		assertThat(held.get("moderation")).isEqualTo("HELD");
	}

	@Test
	void praiseClusterHoldsEveryHighRatingFromNewAccountsOnceThereAreEnough() {
		Brand brand = brand();
		String first = rated(establishedConsumer(), brand, 5);
		String second = rated(establishedConsumer(), brand, 4);
		awaitSignals(first, second);
		assertThat(reviewed(anonymous(), first)).as("two are not yet a cluster").containsEntry("underReview", false);
		assertThat(reviewed(anonymous(), second)).containsEntry("underReview", false);

		String third = rated(establishedConsumer(), brand, 5);

		for (String complaint : List.of(first, second, third)) {
			Map<String, Object> held = eventually(() -> reviewed(anonymous(), complaint),
					seen -> Boolean.TRUE.equals(seen.get("underReview")));
			List<?> signals = (List<?>) ((Map<?, ?>) held.get("review")).get("signals");
			assertThat(signals.stream().map(signal -> (Object) ((Map<?, ?>) signal).get("rule")).toList())
					.containsExactly("NEW_ACCOUNT_PRAISE_CLUSTER");
		}
		standing(brand.slug()).path("brand.moderation.heldCount").entity(Integer.class).isEqualTo(3);
	}

	@Test
	void aComplaintTwoSignalsHoldStaysHeldUntilBothAreKept() {
		Brand brand = brand();
		String first = rated(establishedConsumer(), brand, 5);
		String second = rated(establishedConsumer(), brand, 5);
		awaitSignals(first, second);
		String both = rated(unique("stooge"), brand, 5);

		Map<String, Object> held = eventually(() -> reviewed(anonymous(), both),
				seen -> seen.get("review") != null && ((List<?>) ((Map<?, ?>) seen.get("review")).get("signals")).size() == 2);
		assertThat(held).containsEntry("underReview", true);
		List<Map<String, Object>> flags = queuedFlagsOf(both);
		assertThat(flags).hasSize(2);

		rule((String) flags.get(0).get("id"), "KEEP", "A real case");
		assertThat(reviewed(anonymous(), both)).as("the other signal still holds it")
				.containsEntry("moderation", "HELD").containsEntry("underReview", true);

		rule((String) flags.get(1).get("id"), "KEEP", "Real customers, all of them");
		assertThat(reviewed(anonymous(), both)).containsEntry("moderation", null).containsEntry("underReview", false)
				.containsEntry("review", null);
	}

	@Test
	void burstOfComplaintsFromNewAccountsIsHeldInPublic() {
		Brand nearMiss = brand();
		String a = fileComplaint(unique("angry"), nearMiss.slug(), "Late", "Two weeks late");
		String b = fileComplaint(unique("angry"), nearMiss.slug(), "Late", "Three weeks late");
		String c = fileComplaint(establishedConsumer(), nearMiss.slug(), "Late", "A month late");
		awaitSignals(a, b, c);
		assertThat(List.of(a, b, c)).as("two new accounts and an established one are no burst")
				.allMatch(complaint -> Boolean.FALSE.equals(reviewed(anonymous(), complaint).get("underReview")));

		Brand bombed = brand();
		List<String> bombs = List.of(
				fileComplaint(unique("bomber"), bombed.slug(), "Awful", "Never again"),
				fileComplaint(unique("bomber"), bombed.slug(), "Awful", "Worst shop"),
				fileComplaint(unique("bomber"), bombed.slug(), "Awful", "Avoid"));

		for (String complaint : bombs) {
			Map<String, Object> held = eventually(() -> reviewed(anonymous(), complaint),
					seen -> Boolean.TRUE.equals(seen.get("underReview")));
			assertThat(held.get("moderation")).isEqualTo("HELD");
		}
		assertThat(feedOf(bombed.slug())).as("public while held").containsOnlyKeys(bombs).containsValues(true);
		standing(bombed.slug()).path("brand.moderation.heldCount").entity(Integer.class).isEqualTo(3);
		eventuallyScore(bombed.slug(), s -> ((Integer) s.get("excludedCount")) == 3
				&& ((Integer) s.get("complaintCount")) == 0);
	}

	@Test
	void aBrandsFlagAloneNeverTakesAComplaintOutOfTheScore() {
		Brand brand = brand();
		String complaint = rated(establishedConsumer(), brand, 1);
		flagAsBrand(brand.agent(), complaint);
		awaitSignals(complaint);

		assertThat(reviewed(anonymous(), complaint)).containsEntry("underReview", false).containsEntry("moderation",
				null);
		standing(brand.slug()).path("brand.moderation.heldCount").entity(Integer.class).isEqualTo(0);
		eventuallyScore(brand.slug(), s -> ((Integer) s.get("ratedCount")) == 1
				&& ((Integer) s.get("excludedCount")) == 0);
	}

	@Test
	void eachEventHoldsOnceHoweverOftenAndWhereverItIsApplied() {
		Brand brand = brand();
		String complaint = rated(unique("stooge"), brand, 5);
		eventually(() -> reviewed(anonymous(), complaint), seen -> Boolean.TRUE.equals(seen.get("underReview")));

		StoredEvent rated = event(complaint, ComplaintEventType.RESOLUTION_RATED, EventCursor.START);
		watch.apply(List.of(rated, rated)).block(Duration.ofSeconds(10));
		// Two more nodes that read the event without the stored position in their way.
		assertThat(Flux.merge(tx.transactional(watch.evaluate(rated)), tx.transactional(watch.evaluate(rated)))
				.collectList().block(Duration.ofSeconds(10))).isEmpty();

		long complaintId = GlobalId.decode(complaint, "Complaint").orElseThrow();
		assertThat(count("SELECT count(*) AS n FROM flags WHERE target_id = :id AND signal IS NOT NULL", complaintId))
				.isEqualTo(1);
		assertThat(count("SELECT count(*) AS n FROM moderation_ledger WHERE complaint_id = :id", complaintId))
				.isEqualTo(1);
		standing(brand.slug()).path("brand.moderation.heldCount").entity(Integer.class).isEqualTo(1);
	}

	// --- helpers

	private record Brand(String slug, String id, String agent) {
	}

	private Brand brand() {
		String slug = unique("signalled");
		String owner = unique("owner");
		String agent = unique("agent");
		String id = registerBrand(owner, slug);
		addMember(owner, id, agent, "AGENT");
		return new Brand(slug, id, agent);
	}

	/** A consumer Redress first saw two hours ago: established for the quick rule and the burst, new for the cluster. */
	private String establishedConsumer() {
		String subject = unique("regular");
		db.sql("INSERT INTO profiles (subject, public_name, created_at) VALUES (:subject, 'Regular', now() - interval '2 hours')")
				.bind("subject", subject).then().block(Duration.ofSeconds(10));
		return subject;
	}

	/** A complaint of {@code consumer} that the brand resolved with a refund and the consumer rated. */
	private String rated(String consumer, Brand brand, int stars) {
		String complaint = resolvedComplaint(consumer, brand.slug(), brand.agent());
		succeeds(consumer, "rateResolution", complaint, Map.of("stars", stars, "wouldBuyAgain", stars > 2));
		return complaint;
	}

	private void flagAsBrand(String agent, String complaint) {
		as(agent).documentName("moderation").operationName("flagContent")
				.variable("input", Map.of("targetId", complaint, "reason", "NOT_A_REAL_CASE", "note", "Not our customer"))
				.execute().path("flagContent.flag.askedBy").entity(String.class).isEqualTo("BRAND");
	}

	private Map<String, Object> reviewed(HttpGraphQlTester caller, String complaint) {
		return caller.documentName("signals").operationName("reviewedComplaint").variable("id", complaint).execute()
				.path("complaint").entity(new ParameterizedTypeReference<Map<String, Object>>() {
				}).get();
	}

	private GraphQlTester.Response standing(String slug) {
		return anonymous().documentName("signals").operationName("brandStanding").variable("slug", slug).execute();
	}

	/** The brand's public feed: each complaint with whether it is under review. */
	private Map<String, Boolean> feedOf(String slug) {
		List<Map<String, Object>> nodes = standing(slug).path("brand.complaints.nodes")
				.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
				}).get();
		return nodes.stream().collect(java.util.stream.Collectors.toMap(node -> (String) node.get("id"),
				node -> (Boolean) node.get("underReview")));
	}

	private Map<String, Object> eventuallyScore(String slug, java.util.function.Predicate<Map<String, Object>> done) {
		return eventually(() -> standing(slug).path("brand.score")
				.entity(new ParameterizedTypeReference<Map<String, Object>>() {
				}).get(), score -> score != null && done.test(score));
	}

	/** The open signal flag on the complaint, from the moderators' queue. */
	private Map<String, Object> queuedFlagOf(String complaint) {
		List<Map<String, Object>> flags = queuedFlagsOf(complaint);
		assertThat(flags).as("signal flags on %s in the moderation queue", complaint).hasSize(1);
		return flags.get(0);
	}

	/** The open signal flags on the complaint, oldest first, from the moderators' queue. */
	private List<Map<String, Object>> queuedFlagsOf(String complaint) {
		HttpGraphQlTester moderator = moderator();
		List<Map<String, Object>> found = new java.util.ArrayList<>();
		String after = null;
		for (int page = 0; page < 100; page++) {
			GraphQlTester.Response response = moderator.documentName("signals").operationName("signalQueue")
					.variable("after", after).execute();
			List<Map<String, Object>> nodes = response.path("moderationQueue.nodes")
					.entity(new ParameterizedTypeReference<List<Map<String, Object>>>() {
					}).get();
			nodes.stream().filter(node -> complaint.equals(node.get("complaintId")) && node.get("signal") != null)
					.forEach(found::add);
			if (!response.path("moderationQueue.pageInfo.hasNextPage").entity(Boolean.class).get()) {
				break;
			}
			after = response.path("moderationQueue.pageInfo.endCursor").entity(String.class).get();
		}
		return found;
	}

	private GraphQlTester.Response rule(String flagId, String ruling, String reason) {
		GraphQlTester.Response response = moderator().documentName("moderation").operationName("ruleOnFlag")
				.variable("input", Map.of("flagId", flagId, "ruling", ruling, "reason", reason)).execute();
		response.path("ruleOnFlag.userErrors").entityList(Object.class).hasSize(0);
		return response;
	}

	private HttpGraphQlTester moderator() {
		return withToken(issuer().tokenWithRoles(unique("mod"), "moderator"));
	}

	/** Waits until the signal watch has applied every filing and rating of these complaints. */
	private void awaitSignals(String... complaints) {
		Long[] ids = java.util.Arrays.stream(complaints)
				.map(complaint -> GlobalId.decode(complaint, "Complaint").orElseThrow()).toArray(Long[]::new);
		eventually(() -> db.sql("""
				SELECT count(*) AS n FROM events e, signal_feed f
				WHERE e.complaint_id = ANY(:ids) AND e.type IN ('COMPLAINT_FILED', 'RESOLUTION_RATED')
				  AND (e.position IS NULL OR e.position > f.position)""").bind("ids", ids)
				.map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10)), pending -> pending == 0);
	}

	/** The complaint's event as the log stores it, to apply again. */
	private StoredEvent event(String complaint, ComplaintEventType type, EventCursor cursor) {
		long complaintId = GlobalId.decode(complaint, "Complaint").orElseThrow();
		return db.sql("SELECT brand_id, consumer_id FROM complaint_outcomes WHERE complaint_id = :id")
				.bind("id", complaintId)
				.map(row -> new StoredEvent(cursor, type.name(), row.get("brand_id", Long.class), complaintId,
						row.get("consumer_id", Long.class), Visibility.PUBLIC, null, OffsetDateTime.now(), "{}"))
				.one().block(Duration.ofSeconds(10));
	}

	/** Applies the event again as another node would that read it without the stored position: the holds it made. */
	private List<Flag> applyAgain(String complaint, ComplaintEventType type) {
		return tx.transactional(watch.evaluate(event(complaint, type, EventCursor.START))).collectList()
				.block(Duration.ofSeconds(10));
	}

	private long count(String sql, long id) {
		return db.sql(sql).bind("id", id).map(row -> row.get("n", Long.class)).one().block(Duration.ofSeconds(10));
	}
}
