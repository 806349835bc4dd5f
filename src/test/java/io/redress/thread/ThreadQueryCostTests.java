package io.redress.thread;

import java.util.List;

import io.redress.ApiTest;
import io.redress.testing.StatementCounting;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The N+1 discipline for threads inside lists: every thread page of a request, whatever its arguments and whoever
 * reads it, costs one statement; the issue's Q2 (20 brands, 5 complaints each, 3 public messages each) costs as much
 * for 2 brands as for 20.
 */
@Import(StatementCounting.class)
@TestPropertySource(properties = StatementCounting.NO_BACKGROUND_WORK)
class ThreadQueryCostTests extends ApiTest {

	/** Complaints each brand of the seed has, one more than Q2 takes. */
	private static final int COMPLAINTS_PER_BRAND = 6;

	@Autowired
	private StatementCounting.StatementCounter statements;

	@Test
	void threadsOfAPageOfFiftyComplaintsCostOneStatementAsForFive() {
		String token = unique("feed");
		seed(token, 10);

		assertThat(statementsForFeed(5, token)).isEqualTo(1);
		assertThat(statementsForFeed(50, token)).isEqualTo(1);
	}

	/**
	 * Q2 is one statement per level, for 2 brands or 20. It needs {@code Brand.complaints} batched too: otherwise each
	 * brand's complaints arrive on their own, and the engine hands the thread pages to the loader in as many waves.
	 */
	@Test
	void q2CostsOneStatementPerLevelForTwentyBrandsAsForTwo() {
		String token = unique("q2-all");
		seed(token, 20);
		assertThat(statementsForQ2(20, token, "complaints")).as("Brand.complaints is batched")
				.isEqualTo(statementsForQ2(2, token, "complaints"));

		assertThat(statementsForQ2(20, token, "messages")).isEqualTo(1);

		String[] everyTable = { "brands", "brand_members", "complaints", "messages", "profiles", "ratings",
				"proposals" };
		int two = statementsForQ2(2, token, everyTable);
		int twenty = statementsForQ2(20, token, everyTable);

		assertThat(twenty).isEqualTo(two);
		assertThat(two).as("brands, complaints, messages").isLessThanOrEqualTo(3);
	}

	@Test
	void anonymousReaderOfQ2SeesThreePublicMessagesPerComplaintMasked() {
		String token = unique("q2-shown");
		seed(token, 3);

		List<String> bodies = anonymous().documentName("brandsComplaintsMessages").variable("brands", 3)
				.variable("search", token).execute()
				.path("brands.nodes[*].complaints.nodes[*].messages.nodes[*].body").entityList(String.class).get();

		assertThat(bodies).hasSize(3 * 5 * 3)
				.allMatch(body -> body.equals("Write to me at [hidden]") || body.startsWith("Public "))
				.noneMatch(body -> body.contains("@") || body.startsWith("Private") || body.startsWith("Hidden"));
	}

	@Test
	void pagesWithDifferentArgumentsInOneRequestStillCostOneStatement() {
		String token = unique("pages");
		seed(token, 1);
		String page = """
				query($search: String!) {
				  brands(first: 1, search: $search) { nodes { complaints(first: 5) { nodes {
				    two: messages(first: 2) { nodes { body } pageInfo { hasNextPage endCursor } }
				    all: messages(first: 10) { nodes { body } pageInfo { hasNextPage } }
				    latestMessages { body }
				  } } } }
				}""";

		statements.countOn("messages");
		var response = anonymous().document(page).variable("search", token).execute();
		int measured = statements.count();

		response.path("brands.nodes[0].complaints.nodes[*].two.nodes[*].body").entityList(String.class)
				.containsExactly(repeat(5, "Write to me at [hidden]", "Public 2"))
				.path("brands.nodes[0].complaints.nodes[*].two.pageInfo.hasNextPage").entityList(Boolean.class)
				.containsExactly(true, true, true, true, true)
				.path("brands.nodes[0].complaints.nodes[*].all.nodes[*].body").entityList(String.class)
				.containsExactly(repeat(5, "Write to me at [hidden]", "Public 2", "Public 5"))
				.path("brands.nodes[0].complaints.nodes[*].all.pageInfo.hasNextPage").entityList(Boolean.class)
				.containsExactly(false, false, false, false, false)
				.path("brands.nodes[0].complaints.nodes[*].latestMessages[*].body").entityList(String.class)
				.containsExactly(repeat(5, "Write to me at [hidden]", "Public 2", "Public 5"));
		assertThat(measured).as("one for the pages, one for the latest messages").isEqualTo(2);
	}

	/**
	 * Two root fields may reach the loader in two dispatches (graphql-java completes them apart), so this checks the
	 * pages only; one statement for many parents is what the feed tests above prove.
	 */
	@Test
	void eachThreadContinuesFromItsOwnCursor() {
		String token = unique("cursors");
		seed(token, 1);
		List<String> ids = anonymous().document("""
				query($search: String!) {
				  brands(first: 1, search: $search) { nodes { complaints(first: 2) { nodes { id } } } }
				}""").variable("search", token).execute()
				.path("brands.nodes[0].complaints.nodes[*].id").entityList(String.class).get();
		String firstCursor = anonymous().document("query($id: ID!) { complaint(id: $id) { messages(first: 1) { "
				+ "pageInfo { endCursor } } } }").variable("id", ids.get(0)).execute()
				.path("complaint.messages.pageInfo.endCursor").entity(String.class).get();

		anonymous().document("""
				query($a: ID!, $b: ID!, $after: String) {
				  a: complaint(id: $a) { messages(first: 5, after: $after) { nodes { body } } }
				  b: complaint(id: $b) { messages(first: 1) { nodes { body } } }
				}""").variable("a", ids.get(0)).variable("b", ids.get(1)).variable("after", firstCursor).execute()
				.path("a.messages.nodes[*].body").entityList(String.class).containsExactly("Public 2", "Public 5")
				.path("b.messages.nodes[*].body").entityList(String.class).containsExactly("Write to me at [hidden]");
	}

	private static String[] repeat(int times, String... bodies) {
		String[] all = new String[times * bodies.length];
		for (int i = 0; i < all.length; i++) {
			all[i] = bodies[i % bodies.length];
		}
		return all;
	}

	private int statementsForFeed(int first, String search) {
		statements.countOn("messages");
		anonymous().document("""
				query($first: Int!, $search: String!) {
				  complaints(first: $first, filter: {search: $search}) { nodes { messages(first: 3) { nodes { body } } } }
				}""").variable("first", first).variable("search", search).execute()
				.path("complaints.nodes[*].messages.nodes[*].body").entityList(String.class).hasSize(first * 3);
		int measured = statements.count();
		statements.countOn();
		return measured;
	}

	private int statementsForQ2(int brands, String search, String... tables) {
		statements.countOn(tables);
		anonymous().documentName("brandsComplaintsMessages").variable("brands", brands).variable("search", search)
				.execute()
				.path("brands.nodes").entityList(Object.class).hasSize(brands)
				.path("brands.nodes[*].complaints.nodes[*].title").entityList(String.class).hasSize(brands * 5);
		int measured = statements.count();
		statements.countOn();
		return measured;
	}

	/**
	 * {@code brands} brands named after {@code token}, each with {@link #COMPLAINTS_PER_BRAND} complaints whose threads
	 * read: a public message with an e-mail address, a public one, a private one, a public one a moderator hid, and
	 * a public one. The public text is left unwritten, as for rows from before it existed.
	 */
	private void seed(String token, int brands) {
		insertBrands(token, brands);
		db.sql("INSERT INTO profiles (subject, public_name) VALUES (:token || '-consumer', 'Shopper')")
				.bind("token", token).then().block();
		db.sql("""
				INSERT INTO complaints (brand_id, consumer_id, title, public_title, description, category, status,
				                        first_response_due_at)
				SELECT b.id, p.id, :token || ' complaint ' || n, :token || ' complaint ' || n, 'What went wrong',
				       'DELIVERY', 'IN_PROGRESS', now() + interval '1 day'
				FROM brands b, profiles p, generate_series(1, :perBrand) AS n
				WHERE b.slug LIKE :token || '-b%' AND p.subject = :token || '-consumer'""")
				.bind("token", token).bind("perBrand", COMPLAINTS_PER_BRAND).then().block();
		db.sql("""
				INSERT INTO messages (complaint_id, brand_id, author_kind, visibility, body, moderation)
				SELECT c.id, c.brand_id, CASE WHEN m % 2 = 0 THEN 'BRAND' ELSE 'CONSUMER' END,
				       CASE m WHEN 3 THEN 'PRIVATE' ELSE 'PUBLIC' END,
				       CASE m WHEN 1 THEN 'Write to me at shopper' || c.id || '@example.com'
				              WHEN 3 THEN 'Private ' || m WHEN 4 THEN 'Hidden ' || m ELSE 'Public ' || m END,
				       CASE m WHEN 4 THEN 'HIDDEN' END
				FROM complaints c
				JOIN profiles p ON p.id = c.consumer_id AND p.subject = :token || '-consumer',
				     generate_series(1, 5) AS m
				ORDER BY c.id, m""")
				.bind("token", token).then().block();
	}
}
