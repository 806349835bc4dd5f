package io.redress.thread;

import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.shared.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The threads of a list of complaints are read in one statement, and each with its own reader's rights: the
 * participants of a complaint read its whole thread as written, everyone else its public messages with contact
 * details masked, never a private one nor one a moderator took out of public view.
 */
class ThreadRightsTests extends ApiTest {

	private static final String BRAND_THREADS = """
			query($slug: String!) {
			  brand(slug: $slug) { complaints(first: 10) { nodes {
			    id
			    messages(first: 10) { nodes { body visibility moderation } }
			    latestMessages { body }
			  } } }
			}""";

	@Autowired
	private PublicBodies publicBodies;

	private String slug;
	private String agent;
	private String alice;
	private String bob;
	private String alicesComplaint;
	private String bobsComplaint;

	@BeforeEach
	void twoComplaintsAgainstOneBrand() {
		slug = unique("shop");
		agent = unique("agent");
		alice = unique("alice");
		bob = unique("bob");
		String owner = unique("owner");
		addMember(owner, registerBrand(owner, slug), agent, "AGENT");

		alicesComplaint = fileComplaint(alice, slug, "Parcel lost", "Never came");
		post(agent, alicesComplaint, "Call us on +44 20 7946 0958", "PUBLIC");
		post(alice, alicesComplaint, "My address is 12 Main Street", "PRIVATE");
		post(alice, alicesComplaint, "Write to me at alice@example.com", "PUBLIC");

		bobsComplaint = fileComplaint(bob, slug, "Wrong size", "Too small");
		post(bob, bobsComplaint, "bob@example.com is where I am", "PUBLIC");
		String hidden = post(bob, bobsComplaint, "Rude words", "PUBLIC");
		db.sql("UPDATE messages SET moderation = 'HIDDEN' WHERE id = :id")
				.bind("id", GlobalId.decode(hidden, Message.TYPE).orElseThrow()).then().block();
		post(agent, bobsComplaint, "Private for bob", "PRIVATE");
	}

	@Test
	void consumerReadsTheirOwnThreadWholeAndTheOthersPublicMasked() {
		GraphQlTester.Response threads = threads(as(alice));

		assertThat(bodies(threads, alicesComplaint)).containsExactly("Call us on +44 20 7946 0958",
				"My address is 12 Main Street", "Write to me at alice@example.com");
		assertThat(bodies(threads, bobsComplaint)).containsExactly("[hidden] is where I am");
		assertThat(latest(threads, bobsComplaint)).containsExactly("[hidden] is where I am");
	}

	@Test
	void anonymousReaderReadsEveryThreadPublicAndMasked() {
		GraphQlTester.Response threads = threads(anonymous());

		assertThat(bodies(threads, alicesComplaint)).containsExactly("Call us on [hidden]",
				"Write to me at [hidden]");
		assertThat(latest(threads, alicesComplaint)).containsExactly("Call us on [hidden]",
				"Write to me at [hidden]");
		assertThat(bodies(threads, bobsComplaint)).containsExactly("[hidden] is where I am");
	}

	@Test
	void brandsAgentAndModeratorReadEveryThreadWholeWithWhatModerationDid() {
		for (GraphQlTester reader : new GraphQlTester[] { as(agent), as("mod") }) {
			GraphQlTester.Response threads = threads(reader);

			assertThat(bodies(threads, alicesComplaint)).hasSize(3).contains("Write to me at alice@example.com");
			assertThat(bodies(threads, bobsComplaint)).containsExactly("bob@example.com is where I am",
					"Rude words", "Private for bob");
			threads.path(thread(bobsComplaint) + ".messages.nodes[*].moderation").entityList(String.class)
					.containsExactly(null, "HIDDEN", null);
		}
	}

	@Test
	void messagesWrittenBeforeTheirPublicTextReadTheSameBeforeAndAfterItIsWritten() {
		long old = db.sql("""
				INSERT INTO messages (complaint_id, brand_id, author_kind, visibility, body)
				SELECT complaint_id, brand_id, 'CONSUMER', 'PUBLIC', 'Old one: ring 0207 946 0958'
				FROM messages WHERE id = (SELECT min(id) FROM messages WHERE complaint_id = :complaint)
				RETURNING id""")
				.bind("complaint", GlobalId.decode(bobsComplaint, "Complaint").orElseThrow())
				.map(row -> row.get("id", Long.class)).one().block();

		assertThat(bodies(threads(anonymous()), bobsComplaint)).last().isEqualTo("Old one: ring [hidden]");
		publicBodies.fillWaiting().block();

		assertThat(db.sql("SELECT public_body FROM messages WHERE id = :id").bind("id", old)
				.map(row -> row.get("public_body", String.class)).one().block()).isEqualTo("Old one: ring [hidden]");
		assertThat(bodies(threads(anonymous()), bobsComplaint)).last().isEqualTo("Old one: ring [hidden]");
		assertThat(bodies(threads(as(bob)), bobsComplaint)).last().isEqualTo("Old one: ring 0207 946 0958");
	}

	@Test
	void aCursorThisServerDidNotMakeRefusesOnlyItsOwnThreadOfTheBatch() {
		anonymous().document("""
				query($a: ID!, $b: ID!) {
				  a: complaint(id: $a) { messages(after: "not-a-cursor") { nodes { body } } }
				  b: complaint(id: $b) { messages(first: 1) { nodes { body } } }
				}""").variable("a", alicesComplaint).variable("b", bobsComplaint).execute()
				.errors().satisfy(errors -> assertThat(errors).singleElement().satisfies(error -> {
					assertThat(error.getErrorType()).hasToString("BAD_REQUEST");
					assertThat(error.getPath()).isEqualTo("a.messages");
				}))
				.path("b.messages.nodes[*].body").entityList(String.class).containsExactly("[hidden] is where I am");
	}

	private GraphQlTester.Response threads(GraphQlTester reader) {
		return reader.document(BRAND_THREADS).variable("slug", slug).execute();
	}

	private static String thread(String complaintId) {
		return "brand.complaints.nodes[?(@.id == '" + complaintId + "')]";
	}

	private static List<String> bodies(GraphQlTester.Response threads, String complaintId) {
		return threads.path(thread(complaintId) + ".messages.nodes[*].body").entityList(String.class).get();
	}

	private static List<String> latest(GraphQlTester.Response threads, String complaintId) {
		return threads.path(thread(complaintId) + ".latestMessages[*].body").entityList(String.class).get();
	}

	private String post(String author, String complaintId, String body, String visibility) {
		return as(author).documentName("postMessage")
				.variable("input", Map.of("complaintId", complaintId, "body", body, "visibility", visibility))
				.execute()
				.path("postMessage.userErrors").entityList(Object.class).hasSize(0)
				.path("postMessage.message.id").entity(String.class).get();
	}
}
