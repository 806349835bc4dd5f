package io.redress.moderation;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.redress.ApiTest;
import io.redress.complaint.ComplaintStatus;
import io.redress.realtime.EventCursor;
import io.redress.score.ResolutionScore;
import io.redress.score.ResolutionScoreFormula;
import io.redress.score.ScoreExclusion;
import io.redress.score.ScoredComplaint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Flags, rulings, appeals and the public ledger, end to end with real tokens, and who sees what. */
class ModerationTests extends ApiTest {

	private String brand;
	private String brandId;
	private String consumer;
	private String agent;
	private String stranger;
	private String moderator;
	private String otherModerator;

	@BeforeEach
	void brandPeopleAndModerators() {
		brand = unique("moderated");
		consumer = unique("consumer");
		agent = unique("agent");
		stranger = unique("stranger");
		moderator = unique("mod");
		otherModerator = unique("mod");
		String owner = unique("owner");
		brandId = registerBrand(owner, brand);
		addMember(owner, brandId, agent, "AGENT");
	}

	@Test
	void removedComplaintLeavesPublicViewAndTheScoreUntilAnotherModeratorReinstatesItOnAppeal() {
		String complaint = fileComplaint(consumer, brand, "Never delivered", "The parcel never came");
		String flag = flag(as(agent), complaint, "NOT_A_REAL_CASE", "We have no such order");

		assertThat(description(anonymous(), complaint)).as("flagged content stays visible").isEqualTo("The parcel never came");
		hide(moderator(moderator), flag).path("hideFlaggedContent.userErrors[0].code").entity(String.class)
				.isEqualTo("HIDING_NOT_ALLOWED");
		assertThat(description(anonymous(), complaint)).isEqualTo("The parcel never came");

		rule(moderator(moderator), flag, "REMOVE", "The order number belongs to another shop", null)
				.path("ruleOnFlag.flag.status").entity(String.class).isEqualTo("RULED");

		complaint(anonymous(), complaint).path("complaint").valueIsNull();
		complaint(as(stranger), complaint).path("complaint").valueIsNull();
		assertThat(feed()).doesNotContain(complaint);
		complaint(as(consumer), complaint).path("complaint.moderation").entity(String.class).isEqualTo("REMOVED");
		complaint(as(agent), complaint).path("complaint.moderation").entity(String.class).isEqualTo("REMOVED");
		GraphQlTester.Response ledger = ledger();
		ledger.path("brand.moderation.removedCount").entity(Integer.class).isEqualTo(1)
				.path("brand.moderation.byReason[0].reason").entity(String.class).isEqualTo("NOT_A_REAL_CASE")
				.path("brand.moderationLog.nodes[0].action").entity(String.class).isEqualTo("REMOVED")
				.path("brand.moderationLog.nodes[0].askedBy").entity(String.class).isEqualTo("BRAND")
				.path("brand.moderationLog.nodes[0].publicReason").entity(String.class)
				.isEqualTo("The order number belongs to another shop");

		rule(moderator(moderator), flag, "KEEP", "Changed my mind", null)
				.path("ruleOnFlag.userErrors[0].code").entity(String.class).isEqualTo("INVALID_STATE");
		appeal(as(agent), flag).errors().expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		appeal(as(stranger), flag).errors().expect(error -> error.getErrorType() == ErrorType.NOT_FOUND).verify();
		appeal(as(consumer), flag).path("appealRuling.flag.status").entity(String.class).isEqualTo("APPEALED");
		appeal(as(consumer), flag).path("appealRuling.userErrors[0].code").entity(String.class)
				.isEqualTo("ALREADY_APPEALED");
		rule(moderator(moderator), flag, "KEEP", "On second thought", null)
				.path("ruleOnFlag.userErrors[0].code").entity(String.class).isEqualTo("SAME_MODERATOR");

		rule(moderator(otherModerator), flag, "KEEP", "The consumer showed the receipt", null)
				.path("ruleOnFlag.flag.status").entity(String.class).isEqualTo("FINAL")
				.path("ruleOnFlag.flag.ruling.onAppeal").entity(Boolean.class).isEqualTo(true);

		assertThat(description(anonymous(), complaint)).isEqualTo("The parcel never came");
		assertThat(feed()).contains(complaint);
		ledger().path("brand.moderation.removedCount").entity(Integer.class).isEqualTo(0)
				.path("brand.moderationLog.nodes[*].action").entityList(String.class)
				.containsExactly("REINSTATED", "REMOVED");
		flagNode(moderator(moderator), flag).path("node.history[*].action").entityList(String.class)
				.containsExactly("FLAGGED", "RULED", "APPEALED", "APPEAL_DECIDED");
		flagNode(moderator(moderator), flag).path("node.history[1].actor").entity(String.class).isEqualTo(moderator);
	}

	@Test
	void redactionReplacesTheTextAndKeepsTheOriginalForModeratorsOnly() {
		String original = "Ask for Jane Roe at 12 Elm Street";
		String complaint = fileComplaint(consumer, brand, "Rude courier", original);
		String flag = flag(as(stranger), complaint, "PERSONAL_DATA", null);

		hide(moderator(moderator), flag).path("hideFlaggedContent.flag.hidden").entity(Boolean.class).isEqualTo(true);
		complaint(anonymous(), complaint).path("complaint").valueIsNull();
		complaint(as(consumer), complaint).path("complaint.moderation").entity(String.class).isEqualTo("HIDDEN");
		ledger().path("brand.moderation.heldCount").entity(Integer.class).isEqualTo(1)
				.path("brand.moderationLog.nodes[0].action").entity(String.class).isEqualTo("HELD")
				.path("brand.moderationLog.nodes[0].askedBy").entity(String.class).isEqualTo("CONSUMER");

		rule(moderator(moderator), flag, "REDACT", "A person's name and address", "Ask for [a courier] at [an address]")
				.path("ruleOnFlag.flag.ruling.originalText").entity(String.class).isEqualTo(original);

		complaint(anonymous(), complaint).path("complaint.description").entity(String.class)
				.isEqualTo("Ask for [a courier] at [an address]")
				.path("complaint.redacted").entity(Boolean.class).isEqualTo(true)
				.path("complaint.moderation").valueIsNull();
		assertThat(description(as(consumer), complaint)).isEqualTo("Ask for [a courier] at [an address]");
		flagNode(as(stranger), flag).path("node.ruling.ruling").entity(String.class).isEqualTo("REDACT")
				.path("node.ruling.originalText").valueIsNull()
				.path("node.history").valueIsNull();
		flagNode(as(consumer), flag).path("node.ruling.originalText").valueIsNull()
				.path("node.history").valueIsNull();
		flagNode(moderator(moderator), flag).path("node.ruling.originalText").entity(String.class).isEqualTo(original)
				.path("node.history[*].action").entityList(String.class).containsExactly("FLAGGED", "HIDDEN", "RULED");
		flagNode(as(agent), flag).path("node").valueIsNull();
		ledger().path("brand.moderation.heldCount").entity(Integer.class).isEqualTo(0)
				.path("brand.moderationLog.nodes[*].action").entityList(String.class).containsExactly("RELEASED", "HELD");

		appeal(as(consumer), flag).path("appealRuling.flag.status").entity(String.class).isEqualTo("APPEALED");
		rule(moderator(otherModerator), flag, "REMOVE", "The whole complaint names a private person", null)
				.path("ruleOnFlag.flag.status").entity(String.class).isEqualTo("FINAL");
		complaint(anonymous(), complaint).path("complaint").valueIsNull();
		ledger().path("brand.moderation.removedCount").entity(Integer.class).isEqualTo(1);
	}

	@Test
	void aComplaintRemovedByOneRulingStaysRemovedAndCountedWhenAnotherFlagOnItIsHiddenOrKept() {
		String complaint = fileComplaint(consumer, brand, "Invented", "Call Jane on 555 0100");
		String removal = flag(as(agent), complaint, "NOT_A_REAL_CASE", null);
		String privacy = flag(as(stranger), complaint, "PERSONAL_DATA", null);
		rule(moderator(moderator), removal, "REMOVE", "Not a real order", null);

		hide(moderator(moderator), privacy).path("hideFlaggedContent.flag.hidden").entity(Boolean.class).isEqualTo(true);
		rule(moderator(moderator), privacy, "KEEP", "Removed already", null);

		complaint(anonymous(), complaint).path("complaint").valueIsNull();
		complaint(as(consumer), complaint).path("complaint.moderation").entity(String.class).isEqualTo("REMOVED");
		ledger().path("brand.moderation.removedCount").entity(Integer.class).isEqualTo(1)
				.path("brand.moderation.heldCount").entity(Integer.class).isEqualTo(0)
				.path("brand.moderationLog.nodes[*].action").entityList(String.class).containsExactly("REMOVED");
	}

	@Test
	void onlyPersonalDataAndThreatsMayBeHiddenBeforeARuling() {
		for (String reason : List.of("OFFENSIVE", "NOT_A_REAL_CASE", "DUPLICATE", "SPAM", "OTHER", "PERSONAL_DATA",
				"THREAT_OR_EXTORTION")) {
			String complaint = fileComplaint(consumer, brand, "Case " + reason, "Text");
			String flag = flag(as(agent), complaint, reason, null);
			GraphQlTester.Response hidden = hide(moderator(moderator), flag);
			if (reason.equals("PERSONAL_DATA") || reason.equals("THREAT_OR_EXTORTION")) {
				hidden.path("hideFlaggedContent.flag.hidden").entity(Boolean.class).isEqualTo(true);
				complaint(anonymous(), complaint).path("complaint").valueIsNull();
			}
			else {
				hidden.path("hideFlaggedContent.userErrors[0].code").entity(String.class).isEqualTo("HIDING_NOT_ALLOWED");
				assertThat(description(anonymous(), complaint)).as(reason).isEqualTo("Text");
			}
		}
		String flag = flag(as(stranger), fileComplaint(consumer, brand, "Threat", "Pay or else"), "THREAT_OR_EXTORTION",
				null);
		hide(as(agent), flag).errors().expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
	}

	@Test
	void aUserHasOneOpenFlagPerTargetAndFlagsOnlyWhatTheyCanRead() {
		String complaint = fileComplaint(consumer, brand, "Late", "Two weeks late");
		flag(as(stranger), complaint, "SPAM", null);
		flag(as(stranger), complaint, "OTHER", "Again", "flagContent.userErrors[0].code").isEqualTo("ALREADY_FLAGGED");
		flag(as(agent), complaint, "SPAM", null);
		flag(as(stranger), complaint, "OTHER", "x".repeat(1001), "flagContent.userErrors[0].code").isEqualTo("TOO_LONG");

		String withdrawn = fileComplaint(consumer, brand, "Oops", "Wrong shop");
		as(consumer).documentName("lifecycle").operationName("withdrawComplaint")
				.variable("input", Map.of("complaintId", withdrawn)).execute();
		flagInput(as(stranger), withdrawn, "SPAM", null).errors()
				.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND).verify();
		String privateMessage = post(as(agent), complaint, "Your order A-1 ships Monday", "PRIVATE");
		flagInput(as(stranger), privateMessage, "SPAM", null).errors()
				.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND).verify();
		flagInput(anonymous(), complaint, "SPAM", null).errors()
				.expect(error -> error.getErrorType() == ErrorType.UNAUTHORIZED).verify();
		assertThat(flag(as(consumer), privateMessage, "OFFENSIVE", null)).isNotNull();
	}

	@Test
	void removedAndRedactedMessagesAreOutOfPublicViewOrRewrittenAndKeepIsNotAppealable() {
		String complaint = fileComplaint(consumer, brand, "Broken", "It broke");
		String insult = post(as(agent), complaint, "Only an idiot breaks this", "PUBLIC");
		String phone = post(as(agent), complaint, "Call our manager Bob on his own phone", "PUBLIC");
		String fine = post(as(agent), complaint, "We are sorry", "PUBLIC");

		rule(moderator(moderator), flag(as(consumer), insult, "OFFENSIVE", null), "REMOVE", "An insult", null);
		rule(moderator(moderator), flag(as(consumer), phone, "PERSONAL_DATA", null), "REDACT", "A private person",
				"Call our manager", "Call our manager");
		String kept = flag(as(consumer), fine, "OFFENSIVE", null);
		rule(moderator(moderator), kept, "KEEP", "An apology is not offensive", null);

		message(anonymous(), insult).path("node").valueIsNull();
		message(as(consumer), insult).path("node.moderation").entity(String.class).isEqualTo("REMOVED");
		message(anonymous(), phone).path("node.body").entity(String.class).isEqualTo("Call our manager")
				.path("node.redacted").entity(Boolean.class).isEqualTo(true);
		complaint(anonymous(), complaint).path("complaint.messages.nodes[*].id").entityList(String.class)
				.containsExactly(phone, fine);
		appeal(as(agent), kept).path("appealRuling.userErrors[0].code").entity(String.class)
				.isEqualTo("NOTHING_TO_APPEAL");
		ledger().path("brand.moderation.removedCount").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void moderatorsWorkAQueueFilteredByReasonAndStatusAPageAtATime() {
		List<String> mine = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			mine.add(flag(as(stranger), fileComplaint(consumer, brand, "Dup " + i, "Same again"), "DUPLICATE", null));
		}
		List<String> seen = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = queue(moderator(moderator), 1, after, Map.of("reason", "DUPLICATE"));
			List<String> ids = page.path("moderationQueue.nodes[*].id").entityList(String.class).get();
			assertThat(ids).hasSizeLessThanOrEqualTo(1);
			page.path("moderationQueue.nodes[*].reason").entityList(String.class).satisfies(reasons -> assertThat(reasons)
					.containsOnly("DUPLICATE"));
			seen.addAll(ids);
			more = page.path("moderationQueue.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("moderationQueue.pageInfo.endCursor").entity(String.class).get();
		}
		assertThat(seen).containsSubsequence(mine);

		rule(moderator(moderator), mine.get(0), "KEEP", "Not a duplicate", null);
		assertThat(all(Map.of("reason", "DUPLICATE"))).doesNotContain(mine.get(0)).contains(mine.get(1));
		assertThat(all(Map.of("reason", "DUPLICATE", "status", "RULED"))).contains(mine.get(0))
				.doesNotContain(mine.get(1));
		queue(as(agent), 10, null, Map.of()).errors().expect(error -> error.getErrorType() == ErrorType.FORBIDDEN)
				.verify();
		queue(anonymous(), 10, null, Map.of()).errors()
				.expect(error -> error.getErrorType() == ErrorType.UNAUTHORIZED).verify();
	}

	@Test
	void aRemovedComplaintLeavesTheScoreWhichEqualsTheFormulasScoreOfTheCountedComplaints() {
		for (int i = 0; i < 3; i++) {
			String resolved = resolvedComplaint(consumer, brand, agent);
			perform(consumer, "rateResolution", resolved, Map.of("stars", 5, "wouldBuyAgain", true));
		}
		String removed = fileComplaint(consumer, brand, "Fake", "Not real");
		Map<String, Object> before = eventuallyScore(score -> ((Integer) score.get("complaintCount")) == 4);
		assertThat(before.get("excludedCount")).isEqualTo(0);

		rule(moderator(moderator), flag(as(agent), removed, "NOT_A_REAL_CASE", null), "REMOVE", "Invented", null);

		Map<String, Object> after = eventuallyScore(score -> ((Integer) score.get("complaintCount")) == 3);
		assertThat(after.get("excludedCount")).isEqualTo(1);
		assertThat(after.get("exclusions")).isEqualTo(List.of(Map.of("reason", "REMOVED", "count", 1)));
		ResolutionScore expected = ResolutionScoreFormula.score(complaintsOf(brand),
				Instant.parse((String) after.get("computedAt")));
		assertThat(after.get("value")).isEqualTo(expected.value());
		assertThat(after.get("low")).isEqualTo(expected.low());
		assertThat(after.get("high")).isEqualTo(expected.high());
		assertThat(expected.complaintCount()).isEqualTo(3);
		assertThat(expected.excludedCount()).isEqualTo(1);
	}

	@Test
	void theAuthorAndTheFlaggerAreToldOfTheRulingOnTheirViewerEventsAndNobodyElseIs() {
		String complaint = fileComplaint(consumer, brand, "Cold food", "It arrived cold");
		String flag = flag(as(agent), complaint, "OFFENSIVE", null);
		rule(moderator(moderator), flag, "KEEP", "Criticism is not offensive", null);

		String document = """
				subscription($after: String) {
				  viewerEvents(after: $after) { type complaintId flag { id status ruling { ruling reason } } }
				}""";
		Map<String, Object> fromStart = Map.of("after", EventCursor.START.encoded());
		for (String told : List.of(consumer, agent)) {
			StepVerifier.create(subscribe(issuer().token(told), document, fromStart, "viewerEvents")
					.filter(event -> "FLAG_RULED".equals(event.get("type"))).next())
					.assertNext(event -> {
						assertThat(event.get("complaintId")).isEqualTo(complaint);
						assertThat(event.get("flag")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
								.containsEntry("id", flag).containsEntry("status", "RULED");
					})
					.verifyComplete();
		}
		StepVerifier.create(subscribe(issuer().token(stranger), document, fromStart, "viewerEvents")
				.take(Duration.ofSeconds(2)))
				.verifyComplete();
	}

	private Map<String, Object> eventuallyScore(java.util.function.Predicate<Map<String, Object>> done) {
		return eventually(() -> ledger().path("brand.score").entity(new org.springframework.core.ParameterizedTypeReference<Map<String, Object>>() {
		}).get(), done);
	}

	private List<ScoredComplaint> complaintsOf(String slug) {
		return db.sql("""
				SELECT o.created_at, o.status, o.first_response_at, o.first_response_due_at, o.stars, o.would_buy_again,
				       o.excluded_reason
				FROM complaint_outcomes o JOIN brands b ON b.id = o.brand_id WHERE b.slug = :slug""")
				.bind("slug", slug)
				.map(row -> new ScoredComplaint(row.get("created_at", OffsetDateTime.class).toInstant(),
						ComplaintStatus.valueOf(row.get("status", String.class)),
						Optional.ofNullable(row.get("first_response_at", OffsetDateTime.class))
								.map(OffsetDateTime::toInstant).orElse(null),
						row.get("first_response_due_at", OffsetDateTime.class).toInstant(),
						row.get("stars", Integer.class), row.get("would_buy_again", Boolean.class),
						ScoreExclusion.of(row.get("excluded_reason", String.class))))
				.all().collectList().block(Duration.ofSeconds(10));
	}

	private HttpGraphQlTester moderator(String subject) {
		return withToken(issuer().tokenWithRoles(subject, "moderator"));
	}

	private String flag(GraphQlTester flagger, String targetId, String reason, String note) {
		return flagInput(flagger, targetId, reason, note).path("flagContent.userErrors").entityList(Object.class)
				.hasSize(0).path("flagContent.flag.id").entity(String.class).get();
	}

	private GraphQlTester.Entity<String, ?> flag(GraphQlTester flagger, String targetId, String reason, String note,
			String path) {
		return flagInput(flagger, targetId, reason, note).path(path).entity(String.class);
	}

	private GraphQlTester.Response flagInput(GraphQlTester flagger, String targetId, String reason, String note) {
		Map<String, Object> input = new HashMap<>(Map.of("targetId", targetId, "reason", reason));
		if (note != null) {
			input.put("note", note);
		}
		return flagger.documentName("moderation").operationName("flagContent").variable("input", input).execute();
	}

	private GraphQlTester.Response hide(GraphQlTester caller, String flagId) {
		return caller.documentName("moderation").operationName("hideFlaggedContent")
				.variable("input", Map.of("flagId", flagId)).execute();
	}

	private GraphQlTester.Response rule(GraphQlTester caller, String flagId, String ruling, String reason,
			String redactedText) {
		Map<String, Object> input = new HashMap<>(Map.of("flagId", flagId, "ruling", ruling, "reason", reason));
		if (redactedText != null) {
			input.put("redactedText", redactedText);
		}
		return caller.documentName("moderation").operationName("ruleOnFlag").variable("input", input).execute();
	}

	private void rule(GraphQlTester caller, String flagId, String ruling, String reason, String redactedText,
			String expectedText) {
		rule(caller, flagId, ruling, reason, redactedText).path("ruleOnFlag.flag.ruling.redactedText")
				.entity(String.class).isEqualTo(expectedText);
	}

	private GraphQlTester.Response appeal(GraphQlTester caller, String flagId) {
		return caller.documentName("moderation").operationName("appealRuling")
				.variable("input", Map.of("flagId", flagId, "note", "The ruling is wrong")).execute();
	}

	private GraphQlTester.Response queue(GraphQlTester caller, int first, String after, Map<String, Object> filter) {
		Map<String, Object> variables = new HashMap<>(Map.of("first", first, "filter", filter));
		if (after != null) {
			variables.put("after", after);
		}
		return caller.documentName("moderation").operationName("moderationQueue").variables(variables)
				.execute();
	}

	/** Every flag of the queue with this filter, all pages. */
	private List<String> all(Map<String, Object> filter) {
		List<String> ids = new ArrayList<>();
		String after = null;
		boolean more = true;
		while (more) {
			GraphQlTester.Response page = queue(moderator(moderator), 100, after, filter);
			ids.addAll(page.path("moderationQueue.nodes[*].id").entityList(String.class).get());
			more = page.path("moderationQueue.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("moderationQueue.pageInfo.endCursor").entity(String.class).get();
		}
		return ids;
	}

	private GraphQlTester.Response flagNode(GraphQlTester caller, String flagId) {
		return caller.documentName("moderation").operationName("flag").variable("id", flagId).execute();
	}

	private GraphQlTester.Response complaint(GraphQlTester caller, String complaintId) {
		return caller.documentName("moderation").operationName("moderatedComplaint").variable("id", complaintId)
				.execute();
	}

	private GraphQlTester.Response message(GraphQlTester caller, String messageId) {
		return caller.documentName("moderation").operationName("moderatedMessage").variable("id", messageId).execute();
	}

	private String description(GraphQlTester caller, String complaintId) {
		return complaint(caller, complaintId).path("complaint.description").entity(String.class).get();
	}

	private List<String> feed() {
		return anonymous().documentName("moderation").operationName("brandFeed").variable("slug", brand).execute()
				.path("complaints.nodes[*].id").entityList(String.class).get();
	}

	private GraphQlTester.Response ledger() {
		return anonymous().documentName("moderation").operationName("ledger").variable("slug", brand).execute();
	}

	private String post(GraphQlTester author, String complaintId, String body, String visibility) {
		return author.documentName("postMessage")
				.variable("input", Map.of("complaintId", complaintId, "body", body, "visibility", visibility))
				.execute().path("postMessage.message.id").entity(String.class).get();
	}
}
