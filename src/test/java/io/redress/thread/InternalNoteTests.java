package io.redress.thread;

import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.realtime.EventCursor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Internal notes: the brand's members and moderators read them; the consumer, strangers and the public never do,
 * not in the thread, not by id, not in any event they receive. A note is not the brand's reply.
 */
class InternalNoteTests extends ApiTest {

	private static final String THREAD = """
			query($id: ID!) { complaint(id: $id) { status firstResponseAt
			  messages(first: 20) { nodes { id body visibility } } latestMessages { body } } }""";

	private String brand;
	private String brandId;
	private String owner;
	private String agent;
	private String integration;
	private String consumer;
	private String complaint;

	@BeforeEach
	void aComplaintWithANote() {
		brand = unique("notes");
		owner = unique("owner");
		agent = unique("agent");
		integration = unique("helpdesk");
		consumer = unique("consumer");
		brandId = registerBrand(owner, brand);
		addMember(owner, brandId, agent, "AGENT");
		addMember(owner, brandId, integration, "INTEGRATION");
		complaint = fileComplaint(consumer, brand, "Noted", "A case with a note");
	}

	@Test
	void aNoteIsNotTheBrandsReply() {
		post(agent, "Customer called twice; check the courier", "INTERNAL")
				.path("postMessage.userErrors").entityList(Object.class).hasSize(0)
				.path("postMessage.message.visibility").entity(String.class).isEqualTo("INTERNAL")
				.path("postMessage.complaint.status").entity(String.class).isEqualTo("OPEN")
				.path("postMessage.complaint.firstResponseAt").valueIsNull();
	}

	@Test
	void theBrandsMembersAndModeratorsReadItAndNobodyElse() {
		String noteId = post(agent, "Refund approved by finance", "INTERNAL")
				.path("postMessage.message.id").entity(String.class).get();
		post(agent, "We are on it", "PUBLIC");

		for (String insider : List.of(owner, agent, integration, "mod")) {
			as(insider).document(THREAD).variable("id", complaint).execute()
					.path("complaint.messages.nodes[*].body").entityList(String.class)
					.containsExactly("Refund approved by finance", "We are on it");
		}
		for (GraphQlTester outsider : List.of(as(consumer), as(unique("stranger")), anonymous())) {
			outsider.document(THREAD).variable("id", complaint).execute()
					.path("complaint.messages.nodes[*].body").entityList(String.class).containsExactly("We are on it")
					.path("complaint.latestMessages[*].body").entityList(String.class).containsExactly("We are on it");
			outsider.document("query($id: ID!) { node(id: $id) { id } }").variable("id", noteId).execute()
					.path("node").valueIsNull();
		}
	}

	@Test
	void theConsumersDataExportHoldsTheThreadButNotTheNotes() {
		post(agent, "Internal: goodwill refund", "INTERNAL");
		post(agent, "We will refund you", "PRIVATE");

		String export = as(consumer).document("query { viewer { dataExport } }").execute()
				.path("viewer.dataExport").entity(String.class).get();

		assertThat(export).contains("We will refund you").doesNotContain("goodwill refund");
	}

	@Test
	void theConsumerMayNotWriteOne() {
		post(consumer, "Let me see your notes", "INTERNAL").errors()
				.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		assertThat(db.sql("SELECT count(*) FROM messages WHERE visibility = 'INTERNAL' AND body = 'Let me see your notes'")
				.map(row -> row.get(0, Long.class)).one().block()).isZero();
	}

	@Test
	void itsEventReachesTheBrandButNeverTheConsumerOrThePublic() {
		post(agent, "Escalated to the courier", "INTERNAL");
		post(agent, "Sorry for the wait", "PUBLIC");
		Map<String, Object> fromStart = Map.of("id", complaint, "after", EventCursor.START.encoded());
		String events = "subscription($id: ID!, $after: String) { complaintEvents(complaintId: $id, after: $after) { type message { body } } }";

		StepVerifier.create(subscribe(issuer().token(agent), events, fromStart, "complaintEvents").take(3)
				.map(event -> String.valueOf(event.get("message"))).collectList())
				.assertNext(seen -> assertThat(seen).containsExactly("null", "{body=Escalated to the courier}",
						"{body=Sorry for the wait}"))
				.verifyComplete();
		StepVerifier.create(subscribe(issuer().token(consumer), events, fromStart, "complaintEvents").take(2)
				.map(event -> String.valueOf(event.get("message"))).collectList())
				.assertNext(seen -> assertThat(seen).containsExactly("null", "{body=Sorry for the wait}"))
				.verifyComplete();
		StepVerifier.create(subscribe((String) null, events, fromStart, "complaintEvents").take(2)
				.map(event -> String.valueOf(event.get("message"))).collectList())
				.assertNext(seen -> assertThat(seen).containsExactly("null", "{body=Sorry for the wait}"))
				.verifyComplete();
	}

	private GraphQlTester.Response post(String caller, String body, String visibility) {
		return as(caller).documentName("postMessage")
				.variable("input", Map.of("complaintId", complaint, "body", body, "visibility", visibility)).execute();
	}
}
