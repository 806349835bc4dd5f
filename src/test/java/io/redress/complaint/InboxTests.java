package io.redress.complaint;

import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static io.redress.complaint.TargetTests.rowId;
import static org.assertj.core.api.Assertions.assertThat;

/** The team inbox: who reads it, each filter, each order and its keyset pages. */
class InboxTests extends ApiTest {

	private static final String INBOX = """
			query($slug: String!, $first: Int, $after: String, $filter: InboxFilter, $orderBy: InboxOrder) {
			  brand(slug: $slug) {
			    inbox(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
			      nodes { id title status assignee dueAt overdue orderReference }
			      pageInfo { hasNextPage endCursor }
			    }
			  }
			}""";

	private String brand;
	private String brandId;
	private String owner;
	private String agent;
	private String integration;
	private String consumer;
	private String late;
	private String assigned;
	private String answered;

	@BeforeEach
	void brandWithThreeComplaints() {
		brand = unique("inbox");
		owner = unique("owner");
		agent = unique("agent");
		integration = unique("helpdesk");
		consumer = unique("consumer");
		brandId = registerBrand(owner, brand);
		addMember(owner, brandId, agent, "AGENT");
		addMember(owner, brandId, integration, "INTEGRATION");
		late = fileComplaint(consumer, brand, "Late", "Nobody answered", "ORDER-1");
		assigned = fileComplaint(consumer, brand, "Assigned", "Someone took it");
		answered = fileComplaint(consumer, brand, "Answered", "They replied");
		perform(agent, "assignComplaint", assigned).path("assignComplaint.userErrors").entityList(Object.class).hasSize(0);
		as(agent).documentName("postMessage").variable("input", Map.of("complaintId", answered, "body", "Looking into it",
				"visibility", "PUBLIC")).execute().path("postMessage.userErrors").entityList(Object.class).hasSize(0);
		db.sql("UPDATE complaints SET first_response_due_at = now() - interval '1 hour' WHERE id = :id")
				.bind("id", rowId(late)).then().block();
	}

	@Test
	void membersAndIntegrationsAndModeratorsReadTheInboxWhole() {
		for (String reader : List.of(owner, agent, integration, "mod")) {
			inbox(as(reader), Map.of()).path("brand.inbox.nodes[*].id").entityList(String.class).hasSize(3)
					.path("brand.inbox.nodes[?(@.id == '%s')].orderReference".formatted(late)).entityList(String.class)
					.containsExactly("ORDER-1");
		}
	}

	@Test
	void consumersAndStrangersFindItEmptyAndAnonymousCallersToo() {
		for (GraphQlTester stranger : List.of(as(consumer), as(unique("stranger")), anonymous())) {
			inbox(stranger, Map.of()).path("brand.inbox.nodes").entityList(Object.class).hasSize(0);
		}
	}

	@Test
	void byDefaultWhatIsDueFirstComesFirstAndWhatEndedLast() {
		succeeds(consumer, "withdrawComplaint", assigned, Map.of());

		inbox(as(agent), Map.of()).path("brand.inbox.nodes[*].id").entityList(String.class)
				.containsExactly(late, answered, assigned)
				.path("brand.inbox.nodes[2].dueAt").valueIsNull()
				.path("brand.inbox.nodes[0].overdue").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void eachFilterNarrowsTheInbox() {
		assertThat(ids(Map.of("filter", Map.of("overdue", true)))).containsExactly(late);
		assertThat(ids(Map.of("filter", Map.of("overdue", false)))).containsExactlyInAnyOrder(assigned, answered);
		assertThat(ids(Map.of("filter", Map.of("assignee", agent)))).containsExactly(assigned);
		assertThat(ids(Map.of("filter", Map.of("unassigned", true)))).containsExactlyInAnyOrder(late, answered);
		assertThat(ids(Map.of("filter", Map.of("unassigned", false)))).containsExactly(assigned);
		assertThat(ids(Map.of("filter", Map.of("status", "IN_PROGRESS")))).containsExactly(answered);
		assertThat(ids(Map.of("filter", Map.of("category", "BILLING")))).isEmpty();
		// The first reply of the fresh ones is due in 48 hours: within 49, not within 47; the late one is past.
		assertThat(ids(Map.of("filter", Map.of("dueWithin", 49)))).containsExactlyInAnyOrder(assigned);
		assertThat(ids(Map.of("filter", Map.of("dueWithin", 47)))).isEmpty();
		assertThat(ids(Map.of("filter", Map.of("status", "OPEN", "unassigned", true)))).containsExactly(late);
	}

	@Test
	void theNewestOrTheMostRecentlyActiveComeFirstWhenAsked() {
		assertThat(ids(Map.of("orderBy", "CREATED_AT"))).containsExactly(answered, assigned, late);
		as(consumer).documentName("postMessage").variable("input", Map.of("complaintId", late, "body", "Hello?",
				"visibility", "PUBLIC")).execute().path("postMessage.userErrors").entityList(Object.class).hasSize(0);

		assertThat(ids(Map.of("orderBy", "LAST_ACTIVITY"))).containsExactly(late, answered, assigned);
	}

	@Test
	void pagesFollowEachOtherInEveryOrderWithoutGapOrRepeat() {
		for (String order : List.of("DUE_AT", "CREATED_AT", "LAST_ACTIVITY")) {
			List<String> whole = ids(Map.of("orderBy", order));
			GraphQlTester.Response first = inbox(as(agent), Map.of("orderBy", order, "first", 2));
			String cursor = first.path("brand.inbox.pageInfo.endCursor").entity(String.class).get();
			first.path("brand.inbox.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
			List<String> rest = inbox(as(agent), Map.of("orderBy", order, "first", 2, "after", cursor))
					.path("brand.inbox.nodes[*].id").entityList(String.class).get();

			assertThat(first.path("brand.inbox.nodes[*].id").entityList(String.class).get()).as(order)
					.containsExactlyElementsOf(whole.subList(0, 2));
			assertThat(rest).as(order).containsExactlyElementsOf(whole.subList(2, 3));
		}
	}

	@Test
	void aDueWithinOutOfRangeOrAForeignCursorIsABadRequest() {
		inbox(as(agent), Map.of("filter", Map.of("dueWithin", 0))).errors()
				.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST).verify();
		inbox(as(agent), Map.of("after", "bm90LWEtY3Vyc29y")).errors()
				.expect(error -> error.getErrorType() == ErrorType.BAD_REQUEST).verify();
	}

	private List<String> ids(Map<String, Object> variables) {
		return inbox(as(agent), variables).path("brand.inbox.nodes[*].id").entityList(String.class).get();
	}

	private GraphQlTester.Response inbox(GraphQlTester caller, Map<String, Object> variables) {
		GraphQlTester.Request<?> request = caller.document(INBOX).variable("slug", brand);
		for (Map.Entry<String, Object> variable : variables.entrySet()) {
			request = request.variable(variable.getKey(), variable.getValue());
		}
		return request.execute();
	}
}
