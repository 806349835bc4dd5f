package io.redress.privacy;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import io.redress.ApiTest;
import io.redress.realtime.EventCursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A consumer erases their account over the real API: their identity and personal data go everywhere, their complaints,
 * outcomes and ratings stay, and every brand's score with them.
 */
class AccountErasureTests extends ApiTest {

	private static final String SCORE = """
			query($slug: String!) {
			  brand(slug: $slug) {
			    score {
			      value low high tier complaintCount ratedCount medianFirstResponseHours formulaVersion
			      components { name weight value sampleSize effectiveSize }
			    }
			  }
			}""";

	private static final String VIEWER = """
			{ viewer { id subject publicName brandMemberships { role } complaints(first: 10) { nodes { id } } } }""";

	private static final String VIEWER_EVENTS = """
			subscription($after: String) { viewerEvents(after: $after) { cursor type } }""";

	private static final String COMPLAINT_EVENTS = """
			subscription($id: ID!, $after: String) { complaintEvents(complaintId: $id, after: $after) { cursor type } }""";

	private static final String FROM_START = EventCursor.START.encoded();

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private String consumer;
	private String email;
	private String phone;
	private String orderReference;
	private String privateText;
	private String brandA;
	private String brandB;
	private String brandC;
	private String ownerA;
	private String agentA;
	private String agentC;
	private String complaintA;
	private String complaintB;
	private String complaintC;
	private String pseudonym;

	/**
	 * The consumer filed against two brands, with contact details in public text, an order reference, private
	 * messages, a rejected and an accepted proposal and two ratings; and works as an agent for a third brand.
	 */
	@BeforeEach
	void consumerWithAHistory() {
		consumer = unique("erasee");
		email = consumer + "@mail.example";
		phone = "+44 20 " + (10_000_000 + Math.floorMod(System.nanoTime(), 89_999_999));
		orderReference = "ORD-" + unique("ref");
		privateText = "Deliver to " + unique("flat") + ", 12 Elm Street";
		brandA = unique("erasa");
		brandB = unique("erasb");
		brandC = unique("erasc");
		ownerA = unique("owner-a");
		agentA = unique("agent-a");
		String ownerB = unique("owner-b");
		String agentB = unique("agent-b");
		String ownerC = unique("owner-c");
		agentC = unique("agent-c");
		addMember(ownerA, registerBrand(ownerA, brandA), agentA, "AGENT");
		addMember(ownerB, registerBrand(ownerB, brandB), agentB, "AGENT");
		String brandCId = registerBrand(ownerC, brandC);
		addMember(ownerC, brandCId, agentC, "AGENT");
		addMember(ownerC, brandCId, consumer, "AGENT");

		complaintA = fileComplaint(consumer, brandA, "Call me on " + phone, "Write to " + email + " about it",
				orderReference);
		post(agentA, complaintA, "Which address was it sent to?", "PRIVATE");
		post(consumer, complaintA, privateText, "PRIVATE");
		post(consumer, complaintA, "Or mail " + email, "PUBLIC");
		succeeds(agentA, "proposeResolution", complaintA, Map.of("kind", "CREDIT", "summary", "A voucher"));
		succeeds(consumer, "rejectResolution", complaintA, Map.of("reason", "Call " + phone + " instead"));
		succeeds(agentA, "proposeResolution", complaintA, Map.of("kind", "REFUND", "summary", "A full refund"));
		succeeds(consumer, "acceptResolution", complaintA, Map.of());
		succeeds(consumer, "rateResolution", complaintA,
				Map.of("stars", 4, "wouldBuyAgain", true, "comment", "Fine; write to " + email));

		complaintB = fileComplaint(consumer, brandB, "Never came", "Nothing arrived, ring " + phone);
		post(agentB, complaintB, "We are looking into it", "PUBLIC");
		succeeds(consumer, "giveUpComplaint", complaintB, Map.of());
		succeeds(consumer, "rateResolution", complaintB, Map.of("stars", 1, "wouldBuyAgain", false));

		complaintC = fileComplaint(unique("other"), brandC, "Wrong size", "Too small");
		as(consumer).documentName("lifecycle").operationName("assignComplaint")
				.variable("input", Map.of("complaintId", complaintC)).execute()
				.path("assignComplaint.userErrors").entityList(Object.class).hasSize(0);
		post(consumer, complaintC, "We are on it", "PUBLIC");

		pseudonym = viewer(consumer).path("viewer.publicName").entity(String.class).get();
	}

	@Test
	void everyAffectedBrandsScoreIsTheSameAfterTheErasure() {
		Map<String, Object> scoreA = settledScore(brandA, 1);
		Map<String, Object> scoreB = settledScore(brandB, 1);
		List<Map<String, Object>> outcomes = outcomes();

		erase(consumer);

		assertThat(outcomes()).isEqualTo(outcomes);
		assertThat(score(brandA)).isEqualTo(scoreA);
		assertThat(score(brandB)).isEqualTo(scoreB);
	}

	@Test
	void theConsumerShowsAsFormerCustomerAndTheirPersonalDataIsGoneForEveryone() {
		erase(consumer);

		for (GraphQlTester caller : List.of(anonymous(), as(ownerA), as(agentA), as("mod"))) {
			GraphQlTester.Response view = caller.documentName("erasedComplaint").variable("id", complaintA).execute();
			view.path("complaint.author.publicName").entity(String.class).isEqualTo("Former customer")
					.path("complaint.orderReference").valueIsNull()
					.path("complaint.title").entity(String.class).isEqualTo("Call me on [hidden]")
					.path("complaint.description").entity(String.class).isEqualTo("Write to [hidden] about it")
					.path("complaint.rating.stars").entity(Integer.class).isEqualTo(4)
					.path("complaint.rating.comment").entity(String.class).isEqualTo("Fine; write to [hidden]")
					.path("complaint.resolution.status").entity(String.class).isEqualTo("ACCEPTED")
					.path("complaint.messages.nodes[?(@.visibility == 'PUBLIC' && @.authorKind == 'CONSUMER')].body")
					.entityList(String.class).containsExactly("Or mail [hidden]");
			assertThat(view.path("complaint.messages.nodes[?(@.authorKind == 'CONSUMER')].authorName")
					.entityList(String.class).get()).isNotEmpty().containsOnly("Former customer");
		}
		as(agentA).documentName("erasedComplaint").variable("id", complaintA).execute()
				.path("complaint.messages.nodes[?(@.visibility == 'PRIVATE')].body")
				.entityList(String.class).containsExactly("[erased]", "[erased]");
		anonymous().documentName("erasedComplaint").variable("id", complaintA).execute()
				.path("complaint.messages.nodes[?(@.visibility == 'PRIVATE')]").entityList(Object.class).hasSize(0);
		as(ownerA).documentName("erasedComplaint").variable("id", complaintB).execute()
				.path("complaint.description").entity(String.class).isEqualTo("Nothing arrived, ring [hidden]")
				.path("complaint.rating.stars").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void theirBrandMembershipGoesAndWhatTheyDidForTheBrandStaysTheBrands() {
		erase(consumer);

		as(agentC).document("query($slug: String!) { brand(slug: $slug) { members { subject } } }")
				.variable("slug", brandC).execute()
				.path("brand.members[*].subject").entityList(String.class).doesNotContain(consumer);
		as(agentC).documentName("complaintView").variable("id", complaintC).execute()
				.path("complaint.assignee").valueIsNull()
				.path("complaint.messages.nodes[*].body").entityList(String.class).contains("We are on it");
	}

	@Test
	void theFlagsTheyRaisedAreInTheirExportAndWhatModerationKeptOfThemGoesAtErasure() {
		String note = unique("my-own-words");
		String stranger = unique("stranger");
		String moderator = unique("mod");
		flag(as(consumer), complaintB, "SPAM", note);
		String flagId = flag(as(stranger), complaintA, "PERSONAL_DATA", "Their e-mail is in it");
		withToken(issuer().tokenWithRoles(moderator, "moderator")).documentName("moderation").operationName("ruleOnFlag")
				.variable("input", Map.of("flagId", flagId, "ruling", "REDACT", "reason", "Personal data",
						"redactedText", "Redacted by a moderator"))
				.execute().path("ruleOnFlag.userErrors").entityList(Object.class).hasSize(0);
		assertThat(as(consumer).documentName("dataExport").execute().path("viewer.dataExport").entity(String.class)
				.get()).as("the export's flags section").contains("\"flags\"").contains(note);

		erase(consumer);

		for (String trace : List.of(note, email, consumer)) {
			assertThat(rowsContaining(trace)).as("rows holding %s", trace).isEmpty();
		}
		assertThat(rowsContaining("Redacted by a moderator")).isNotEmpty();
	}

	private String flag(GraphQlTester flagger, String complaintId, String reason, String note) {
		return flagger.documentName("moderation").operationName("flagContent")
				.variable("input", Map.of("targetId", complaintId, "reason", reason, "note", note)).execute()
				.path("flagContent.userErrors").entityList(Object.class).hasSize(0)
				.path("flagContent.flag.id").entity(String.class).get();
	}

	@Test
	void pendingInvitationsToThemAreWithdrawn() {
		String brandId = as(ownerA).document("query($slug: String!) { brand(slug: $slug) { id } }")
				.variable("slug", brandA).execute().path("brand.id").entity(String.class).get();
		as(ownerA).documentName("addBrandMember")
				.variable("input", Map.of("brandId", brandId, "subject", consumer, "role", "AGENT")).execute()
				.path("addBrandMember.invitation.subject").entity(String.class).isEqualTo(consumer);

		erase(consumer);

		as(ownerA).document("query($slug: String!) { brand(slug: $slug) { invitations { subject } } }")
				.variable("slug", brandA).execute()
				.path("brand.invitations").entityList(Object.class).hasSize(0);
		assertThat(rowsContaining(consumer)).isEmpty();
	}

	@Test
	void nothingOfThePersonRemainsInAnyRowOfTheDatabase() {
		erase(consumer);

		for (String trace : List.of(consumer, pseudonym, orderReference, privateText, email, phone)) {
			assertThat(rowsContaining(trace)).as("rows holding %s", trace).isEmpty();
		}
	}

	@Test
	void theirOpenViewerAndComplaintSubscriptionsEnd() {
		String token = issuer().token(consumer);
		List<Object> viewerEvents = new CopyOnWriteArrayList<>();
		List<Object> complaintEvents = new CopyOnWriteArrayList<>();
		List<Throwable> errors = new CopyOnWriteArrayList<>();
		AtomicInteger ended = new AtomicInteger();
		// From the start of the log, so each stream shows it is live by replaying the filing before the erasure.
		subscribe(token, VIEWER_EVENTS, Map.of("after", FROM_START), "viewerEvents")
				.subscribe(viewerEvents::add, errors::add, ended::incrementAndGet);
		subscribe(token, COMPLAINT_EVENTS, Map.of("id", complaintA, "after", FROM_START), "complaintEvents")
				.subscribe(complaintEvents::add, errors::add, ended::incrementAndGet);
		eventually(() -> viewerEvents.size() * complaintEvents.size(), received -> received > 0);

		erase(consumer);

		eventually(ended::get, count -> count == 2 || !errors.isEmpty());
		assertThat(errors).isEmpty();
		assertThat(ended.get()).isEqualTo(2);
	}

	@Test
	void complaintsFiledWhileTheAccountIsErasedNeverKeepTheirDetailsOnTheErasedProfile() {
		List<Mono<Void>> calls = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			Map<String, Object> input = Map.of("brandSlug", brandA, "title", "Again " + i, "description", "Again",
					"category", "DELIVERY", "orderReference", orderReference + "-" + i);
			calls.add(Mono.<Void>fromRunnable(() -> as(consumer).documentName("fileComplaint")
					.variable("input", input).execute()).subscribeOn(Schedulers.boundedElastic()));
		}
		calls.add(4, Mono.<Void>fromRunnable(() -> erase(consumer)).subscribeOn(Schedulers.boundedElastic()));

		Flux.merge(calls).blockLast(Duration.ofSeconds(60));

		// A filing either commits first, and the erasure anonymises it, or waits, and lands on the new account.
		assertThat(db.sql("""
				SELECT count(*) AS left_behind FROM complaints c JOIN profiles p ON p.id = c.consumer_id
				WHERE p.erased_at IS NOT NULL AND c.order_reference IS NOT NULL""")
				.map(row -> row.get("left_behind", Long.class)).one().block(Duration.ofSeconds(10))).isZero();
	}

	@Test
	void aLaterTokenWithTheSameSubjectStartsANewEmptyAccount() {
		String before = viewer(consumer).path("viewer.id").entity(String.class).get();

		erase(consumer);

		viewer(consumer).path("viewer.id").entity(String.class).isNotEqualTo(before)
				.path("viewer.subject").entity(String.class).isEqualTo(consumer)
				.path("viewer.publicName").entity(String.class).isNotEqualTo(pseudonym)
				.path("viewer.complaints.nodes").entityList(Object.class).hasSize(0)
				.path("viewer.brandMemberships").entityList(Object.class).hasSize(0);
		as(consumer).documentName("erasedComplaint").variable("id", complaintA).execute()
				.path("complaint.orderReference").valueIsNull();
		JsonNode export = export(consumer);
		assertThat(export.get("complaints")).isEmpty();
		assertThat(export.get("messages").get("inTheirComplaints")).isEmpty();
		assertThat(export.get("brands").get("memberships")).isEmpty();
	}

	@Test
	void theExportHoldsEverythingRedressKnowsAboutThePerson() {
		JsonNode export = export(consumer);

		assertThat(export.get("format").asString()).isEqualTo("redress-export/1");
		assertThat(export.get("profile").get("subject").asString()).isEqualTo(consumer);
		assertThat(export.get("profile").get("publicName").asString()).isEqualTo(pseudonym);
		assertThat(OffsetDateTime.parse(export.get("profile").get("createdAt").asString())).isBefore(OffsetDateTime.now());
		JsonNode complaints = export.get("complaints");
		assertThat(complaints).hasSize(2);
		JsonNode filed = complaints.get(1);
		assertThat(filed.get("id").asString()).isEqualTo(complaintA);
		assertThat(filed.get("brandSlug").asString()).isEqualTo(brandA);
		assertThat(filed.get("title").asString()).isEqualTo("Call me on " + phone);
		assertThat(filed.get("orderReference").asString()).isEqualTo(orderReference);
		assertThat(filed.get("proposals")).extracting(proposal -> proposal.get("status").asString())
				.containsExactly("REJECTED", "ACCEPTED");
		assertThat(filed.get("proposals").get(0).get("rejectionReason").asString()).isEqualTo("Call " + phone + " instead");
		assertThat(filed.get("rating").get("comment").asString()).isEqualTo("Fine; write to " + email);
		assertThat(export.get("messages").get("inTheirComplaints"))
				.extracting(message -> message.get("body").asString())
				.contains("Which address was it sent to?", privateText, "Or mail " + email, "We are looking into it");
		assertThat(export.get("messages").get("writtenForBrands"))
				.extracting(message -> message.get("body").asString()).containsExactly("We are on it");
		assertThat(export.get("brands").get("memberships"))
				.extracting(membership -> membership.get("brandSlug").asString() + " " + membership.get("role").asString())
				.containsExactly(brandC + " AGENT");
		assertThat(export.get("limits").get("complaints").asInt()).isEqualTo(200);
	}

	@Test
	void aWrongConfirmationErasesNothing() {
		String before = viewer(consumer).path("viewer.id").entity(String.class).get();

		as(consumer).documentName("eraseAccount").variable("input", Map.of("confirm", "erase")).execute()
				.path("eraseAccount.erased").entity(Boolean.class).isEqualTo(false)
				.path("eraseAccount.userErrors[0].code").entity(String.class).isEqualTo("CONFIRMATION_REQUIRED")
				.path("eraseAccount.userErrors[0].field").entity(String.class).isEqualTo("confirm");

		viewer(consumer).path("viewer.id").entity(String.class).isEqualTo(before)
				.path("viewer.publicName").entity(String.class).isEqualTo(pseudonym);
		as(consumer).documentName("erasedComplaint").variable("id", complaintA).execute()
				.path("complaint.orderReference").entity(String.class).isEqualTo(orderReference)
				.path("complaint.author.publicName").entity(String.class).isEqualTo(pseudonym);
	}

	@Test
	void anonymousCallersHaveNoAccountToEraseOrExport() {
		anonymous().documentName("eraseAccount").variable("input", Map.of("confirm", "ERASE")).execute()
				.errors().expect(error -> error.getErrorType() == ErrorType.UNAUTHORIZED).verify();
		anonymous().documentName("dataExport").execute().path("viewer").valueIsNull();
	}

	@Test
	void theOnlyOwnerOfABrandHandsItOverBeforeErasing() {
		String brand = unique("owned");
		String brandId = registerBrand(consumer, brand);

		as(consumer).documentName("eraseAccount").variable("input", Map.of("confirm", "ERASE")).execute()
				.path("eraseAccount.erased").entity(Boolean.class).isEqualTo(false)
				.path("eraseAccount.userErrors[*].code").entityList(String.class).containsExactly("LAST_OWNER");
		as(consumer).documentName("erasedComplaint").variable("id", complaintA).execute()
				.path("complaint.orderReference").entity(String.class).isEqualTo(orderReference);

		String coOwner = unique("co-owner");
		addMember(consumer, brandId, coOwner, "OWNER");
		erase(consumer);
		as(coOwner).document("query($slug: String!) { brand(slug: $slug) { members { subject role } } }")
				.variable("slug", brand).execute()
				.path("brand.members[*].subject").entityList(String.class).containsExactly(coOwner);
	}

	private void erase(String subject) {
		as(subject).documentName("eraseAccount").variable("input", Map.of("confirm", "ERASE")).execute()
				.path("eraseAccount.userErrors").entityList(Object.class).hasSize(0)
				.path("eraseAccount.erased").entity(Boolean.class).isEqualTo(true);
	}

	private GraphQlTester.Response viewer(String subject) {
		return as(subject).document(VIEWER).execute();
	}

	private JsonNode export(String subject) {
		String document = as(subject).documentName("dataExport").execute()
				.path("viewer.dataExport").entity(String.class).get();
		return JSON.readTree(document);
	}

	private void post(String author, String complaintId, String body, String visibility) {
		as(author).documentName("postMessage")
				.variable("input", Map.of("complaintId", complaintId, "body", body, "visibility", visibility))
				.execute().path("postMessage.userErrors").entityList(Object.class).hasSize(0);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> score(String slug) {
		return anonymous().document(SCORE).variable("slug", slug).execute().path("brand.score").entity(Map.class).get();
	}

	/** The brand's score once the score keeper has applied its ratings. */
	private Map<String, Object> settledScore(String slug, int rated) {
		return eventually(() -> score(slug), score -> ((Number) score.get("ratedCount")).intValue() == rated);
	}

	/** What every score rests on: the rows of the complaints' published outcomes, for the two brands. */
	private List<Map<String, Object>> outcomes() {
		return db.sql("""
				SELECT o.* FROM complaint_outcomes o JOIN brand_listing b ON b.brand_id = o.brand_id
				WHERE b.slug IN (:a, :b) ORDER BY o.complaint_id""")
				.bind("a", brandA).bind("b", brandB).fetch().all().collectList().block(Duration.ofSeconds(10));
	}

	/** Every row, in every table, whose text holds {@code trace} anywhere (case-insensitively). */
	private List<String> rowsContaining(String trace) {
		List<String> tables = db.sql("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'
				  AND table_name <> 'flyway_schema_history'""")
				.map(row -> row.get("table_name", String.class)).all().collectList().block(Duration.ofSeconds(10));
		List<String> found = new ArrayList<>();
		for (String table : tables) {
			db.sql("SELECT x::text AS row FROM \"" + table + "\" x WHERE strpos(lower(x::text), lower(:trace)) > 0")
					.bind("trace", trace).map(row -> table + ": " + row.get("row", String.class)).all()
					.collectList().blockOptional(Duration.ofSeconds(10)).ifPresent(found::addAll);
		}
		return found;
	}
}
