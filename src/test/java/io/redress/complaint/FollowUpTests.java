package io.redress.complaint;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.realtime.EventCursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static io.redress.complaint.TargetTests.rowId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Follow-ups: some days after a resolution the consumer is asked whether it held, once; their answer is recorded
 * once, a "no" reopens the complaint within the reopen window, and the answers are public in aggregate.
 */
class FollowUpTests extends ApiTest {

	private static final String ANSWER = """
			mutation($input: AnswerFollowUpInput!) {
			  answerFollowUp(input: $input) {
			    complaint { status followUp { answered held comment } rating { revisable } } userErrors { field code }
			  }
			}""";

	@Autowired
	TargetWatch watch;

	private String brand;
	private String agent;
	private String consumer;
	private String complaint;

	@BeforeEach
	void aResolvedComplaint() {
		brand = unique("followups");
		String owner = unique("owner");
		agent = unique("agent");
		consumer = unique("consumer");
		addMember(owner, registerBrand(owner, brand), agent, "AGENT");
		complaint = resolvedComplaint(consumer, brand, agent);
		succeeds(consumer, "rateResolution", complaint, Map.of("stars", 4, "wouldBuyAgain", true));
	}

	@Test
	void theConsumerIsAskedOnceTheBrandsDelayAfterTheResolution() {
		assertThat(db.sql("""
				SELECT d.due_at - c.resolved_at = interval '7 days' FROM complaint_deadlines d
				JOIN complaints c ON c.id = d.complaint_id WHERE d.complaint_id = :id AND d.kind = 'FOLLOW_UP'""")
				.bind("id", rowId(complaint)).map(row -> row.get(0, Boolean.class)).one().block()).isTrue();
		followUpDue();
		watch.sweep().block(Duration.ofSeconds(30));

		Map<String, Object> fromStart = Map.of("after", EventCursor.START.encoded());
		StepVerifier.create(subscribe(issuer().token(consumer),
				"subscription($after: String) { viewerEvents(after: $after) { type complaintId } }", fromStart,
				"viewerEvents").filter(event -> event.get("type").equals("FOLLOW_UP_DUE")).next())
				.assertNext(event -> assertThat(event.get("complaintId")).isEqualTo(complaint))
				.verifyComplete();
		assertThat(events("FOLLOW_UP_DUE")).isEqualTo(1);
		as(consumer).document("query($id: ID!) { complaint(id: $id) { followUp { askedAt answered held } } }")
				.variable("id", complaint).execute()
				.path("complaint.followUp.answered").entity(Boolean.class).isEqualTo(false)
				.path("complaint.followUp.held").valueIsNull();
	}

	@Test
	void aResolutionThatHeldIsRecordedOnceAndCountsPubliclyWithoutTheComment() {
		asked();

		answer(consumer, true, "All good since").path("answerFollowUp.userErrors").entityList(Object.class).hasSize(0)
				.path("answerFollowUp.complaint.status").entity(String.class).isEqualTo("RESOLVED")
				.path("answerFollowUp.complaint.followUp.held").entity(Boolean.class).isEqualTo(true);
		answer(consumer, false, null).path("answerFollowUp.userErrors[0].code").entity(String.class)
				.isEqualTo("ALREADY_ANSWERED");

		assertThat(events("FOLLOW_UP_ANSWERED")).isEqualTo(1);
		anonymous().document("""
				query($slug: String!, $id: ID!) {
				  brand(slug: $slug) { followUps { answered held heldRate } }
				  complaint(id: $id) { followUp { answered held comment } }
				}""").variable("slug", brand).variable("id", complaint).execute()
				.path("brand.followUps.answered").entity(Integer.class).isEqualTo(1)
				.path("brand.followUps.heldRate").entity(Double.class).isEqualTo(1.0)
				.path("complaint.followUp.held").entity(Boolean.class).isEqualTo(true)
				.path("complaint.followUp.comment").valueIsNull();
		as(agent).document("query($id: ID!) { complaint(id: $id) { followUp { comment } } }").variable("id", complaint)
				.execute().path("complaint.followUp.comment").entity(String.class).isEqualTo("All good since");
		assertThat(http().get().uri("/brands/" + brand).exchange().expectStatus().isOk().expectBody(String.class)
				.returnResult().getResponseBody()).as("the public brand page")
				.contains("Resolutions that held", "100% of 1 answers").doesNotContain("All good since");
	}

	@Test
	void aResolutionThatDidNotHoldReopensTheComplaintAndTellsTheBrand() {
		asked();

		answer(consumer, false, "Broke again").path("answerFollowUp.userErrors").entityList(Object.class).hasSize(0)
				.path("answerFollowUp.complaint.status").entity(String.class).isEqualTo("IN_PROGRESS")
				.path("answerFollowUp.complaint.rating.revisable").entity(Boolean.class).isEqualTo(true);

		assertThat(List.of(events("FOLLOW_UP_ANSWERED"), events("COMPLAINT_REOPENED"))).containsExactly(1L, 1L);
		anonymous().document("query($slug: String!) { brand(slug: $slug) { followUps { answered held heldRate } } }")
				.variable("slug", brand).execute()
				.path("brand.followUps.answered").entity(Integer.class).isEqualTo(1)
				.path("brand.followUps.held").entity(Integer.class).isEqualTo(0);
	}

	@Test
	void erasureTakesTheConsumersWordsAndKeepsWhetherItHeld() {
		asked();
		answer(consumer, true, "Call me on +1 555 010 7788 if it breaks")
				.path("answerFollowUp.userErrors").entityList(Object.class).hasSize(0);

		as(consumer).document("mutation { eraseAccount(input: {confirm: \"ERASE\"}) { erased } }").execute()
				.path("eraseAccount.erased").entity(Boolean.class).isEqualTo(true);

		as(agent).document("query($id: ID!) { complaint(id: $id) { followUp { held comment } } }")
				.variable("id", complaint).execute()
				.path("complaint.followUp.held").entity(Boolean.class).isEqualTo(true)
				.path("complaint.followUp.comment").valueIsNull();
	}

	@Test
	void pastTheReopenWindowANoIsRecordedButReopensNothing() {
		asked();
		db.sql("UPDATE complaints SET resolved_at = now() - interval '31 days' WHERE id = :id")
				.bind("id", rowId(complaint)).then().block();

		answer(consumer, false, null).path("answerFollowUp.userErrors").entityList(Object.class).hasSize(0)
				.path("answerFollowUp.complaint.status").entity(String.class).isEqualTo("RESOLVED")
				.path("answerFollowUp.complaint.followUp.held").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void onlyTheConsumerAnswersAndOnlyOnceAsked() {
		answer(consumer, true, null).path("answerFollowUp.userErrors[0].code").entity(String.class)
				.isEqualTo("NO_FOLLOW_UP");
		asked();

		for (String other : List.of(agent, "mod", unique("stranger"))) {
			answer(other, true, null).errors().expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		}
		anonymous().document(ANSWER).variable("input", Map.of("complaintId", complaint, "held", true)).execute()
				.errors().expect(error -> error.getErrorType() == ErrorType.UNAUTHORIZED).verify();
		answer(consumer, true, "x".repeat(2001)).path("answerFollowUp.userErrors[0].field").entity(String.class)
				.isEqualTo("comment");
		assertThat(events("FOLLOW_UP_ANSWERED")).isZero();
	}

	private void asked() {
		followUpDue();
		watch.sweep().block(Duration.ofSeconds(30));
	}

	private void followUpDue() {
		db.sql("""
				UPDATE complaint_deadlines SET due_at = now() - interval '1 minute'
				WHERE complaint_id = :id AND kind = 'FOLLOW_UP'""").bind("id", rowId(complaint)).then().block();
	}

	private GraphQlTester.Response answer(String caller, boolean held, String comment) {
		Map<String, Object> input = new HashMap<>(Map.of("complaintId", complaint, "held", held));
		if (comment != null) {
			input.put("comment", comment);
		}
		return as(caller).document(ANSWER).variable("input", input).execute();
	}

	private long events(String type) {
		return db.sql("SELECT count(*) FROM events WHERE complaint_id = :id AND type = :type")
				.bind("id", rowId(complaint)).bind("type", type).map(row -> row.get(0, Long.class)).one().block();
	}
}
