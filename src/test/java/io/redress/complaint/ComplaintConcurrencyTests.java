package io.redress.complaint;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.redress.ApiTest;
import io.redress.shared.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.graphql.test.tester.GraphQlTester;

import static io.redress.complaint.Cases.act;
import static io.redress.complaint.Cases.post;
import static org.assertj.core.api.Assertions.assertThat;

/** Races over real HTTP: each ends in one consistent state, and every change's event commits with it. */
class ComplaintConcurrencyTests extends ApiTest {

	private String brand;
	private String consumer;
	private String agent;
	private String secondAgent;

	@BeforeEach
	void brandWithTwoAgents() {
		brand = unique("race");
		consumer = unique("consumer");
		agent = unique("agent");
		secondAgent = unique("agent-two");
		String owner = unique("owner");
		String brandId = registerBrand(owner, brand);
		addMember(owner, brandId, agent, "AGENT");
		addMember(owner, brandId, secondAgent, "AGENT");
	}

	@Test
	void sameIdempotencyKeySentTenTimesAtOnceFilesOneComplaint() {
		Map<String, Object> input = new HashMap<>(Map.of("brandSlug", brand, "title", "Charged twice",
				"description", "Two charges", "category", "BILLING", "idempotencyKey", "retry-1"));

		List<String> ids = race(10, () -> as(consumer).documentName("fileComplaint").variable("input", input)
				.execute().path("fileComplaint.complaint.id").entity(String.class).get());

		assertThat(ids).hasSize(10).containsOnly(ids.get(0));
		assertThat(count("SELECT count(*) FROM complaints WHERE idempotency_key = 'retry-1' AND brand_id = "
				+ "(SELECT id FROM brands WHERE slug = :slug)")).isEqualTo(1);

		input.put("title", "Something else");
		as(consumer).documentName("fileComplaint").variable("input", input).execute()
				.path("fileComplaint.userErrors[0].code").entity(String.class).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		input.put("title", "Charged twice");
		String other = as(unique("other-consumer")).documentName("fileComplaint").variable("input", input).execute()
				.path("fileComplaint.complaint.id").entity(String.class).get();
		assertThat(other).isNotEqualTo(ids.get(0));
	}

	@Test
	void twoAgentsProposingAtOnceLeaveOneProposal() {
		String id = answered();

		List<String> outcomes = race(2, () -> outcome(act(as(agent), "proposeResolution", id,
				Map.of("kind", "REFUND", "summary", "Refund")), "proposeResolution"),
				() -> outcome(act(as(secondAgent), "proposeResolution", id,
						Map.of("kind", "CREDIT", "summary", "Credit")), "proposeResolution"));

		assertThat(outcomes).containsExactlyInAnyOrder("OK", "PROPOSAL_PENDING");
		assertThat(count("SELECT count(*) FROM proposals WHERE complaint_id = :id AND status = 'PROPOSED'", id))
				.isEqualTo(1);
	}

	@Test
	void acceptRacingRejectEndsInOneConsistentState() {
		String id = answered();
		act(as(agent), "proposeResolution", id, Map.of("kind", "REPAIR", "summary", "We repair it"));

		List<String> outcomes = race(2,
				() -> outcome(act(as(consumer), "acceptResolution", id), "acceptResolution"),
				() -> outcome(act(as(consumer), "rejectResolution", id, Map.of("reason", "No")), "rejectResolution"));

		assertThat(outcomes).containsExactlyInAnyOrder("OK", "INVALID_STATE");
		String status = status(id);
		String proposal = db.sql("SELECT status FROM proposals WHERE complaint_id = :id").bind("id", rowId(id))
				.map(row -> row.get(0, String.class)).one().block();
		assertThat(status + "/" + proposal).isIn("RESOLVED/ACCEPTED", "IN_PROGRESS/REJECTED");
	}

	@Test
	void ratingRacingReopenEndsInOneConsistentState() {
		String id = answered();
		act(as(agent), "proposeResolution", id, Map.of("kind", "REPAIR", "summary", "We repair it"));
		act(as(consumer), "acceptResolution", id);

		List<String> outcomes = race(2,
				() -> outcome(act(as(consumer), "rateResolution", id, Map.of("stars", 4, "wouldBuyAgain", true)),
						"rateResolution"),
				() -> outcome(act(as(consumer), "reopenComplaint", id), "reopenComplaint"));

		assertThat(status(id)).isEqualTo("IN_PROGRESS");
		Boolean revisable = db.sql("SELECT revisable FROM ratings WHERE complaint_id = :id").bind("id", rowId(id))
				.map(row -> row.get(0, Boolean.class)).one().block();
		if (outcomes.get(0).equals("OK")) {
			assertThat(revisable).as("rated before the reopen, so the rating may be revised").isTrue();
		}
		else {
			assertThat(outcomes.get(0)).isEqualTo("INVALID_STATE");
			assertThat(revisable).as("reopened first, so no rating was written").isNull();
		}
	}

	@Test
	void everyChangeWritesItsEventAndAFailedOneWritesNone() {
		String id = fileComplaint(consumer, brand, "Events", "Every one");
		post(as(agent), id, "Hello", "PUBLIC");
		act(as(agent), "proposeResolution", id, Map.of("kind", "REFUND", "summary", "Refund"));
		act(as(consumer), "acceptResolution", id);
		act(as(consumer), "acceptResolution", id).path("acceptResolution.userErrors[0].code").entity(String.class)
				.isEqualTo("INVALID_STATE");
		act(as(consumer), "rateResolution", id, Map.of("stars", 5, "wouldBuyAgain", true));

		List<String> types = db.sql("SELECT type FROM events WHERE complaint_id = :id ORDER BY xid, id")
				.bind("id", rowId(id)).map(row -> row.get(0, String.class)).all().collectList().block();
		assertThat(types).containsExactly("COMPLAINT_FILED", "FIRST_RESPONSE_RECORDED", "MESSAGE_POSTED",
				"RESOLUTION_PROPOSED", "RESOLUTION_ACCEPTED", "COMPLAINT_RESOLVED", "RESOLUTION_RATED");
	}

	/** A complaint the brand has answered, so it is IN_PROGRESS. */
	private String answered() {
		String id = fileComplaint(consumer, brand, "Broken", "It broke");
		post(as(agent), id, "On it", "PUBLIC");
		return id;
	}

	@SafeVarargs
	private static List<String> race(int times, Supplier<String>... callers) {
		return Flux.range(0, times)
				.flatMapSequential(i -> Mono.fromCallable(() -> callers[i % callers.length].get())
						.subscribeOn(Schedulers.boundedElastic()), times)
				.collectList().block(Duration.ofSeconds(60));
	}

	private static String outcome(GraphQlTester.Response response, String field) {
		List<String> codes = response.path(field + ".userErrors[*].code").entityList(String.class).get();
		return codes.isEmpty() ? "OK" : codes.get(0);
	}

	private String status(String id) {
		return Cases.view(as(consumer), id).path("complaint.status").entity(String.class).get();
	}

	private long count(String sql) {
		return db.sql(sql).bind("slug", brand).map(row -> row.get(0, Long.class)).one().block();
	}

	private long count(String sql, String complaintId) {
		return db.sql(sql).bind("id", rowId(complaintId)).map(row -> row.get(0, Long.class)).one().block();
	}

	private static long rowId(String complaintId) {
		return GlobalId.decode(complaintId, Complaint.TYPE).orElseThrow();
	}
}
