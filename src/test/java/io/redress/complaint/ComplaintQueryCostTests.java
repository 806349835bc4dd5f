package io.redress.complaint;

import java.util.List;

import io.redress.ApiTest;
import io.redress.testing.StatementCounting;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The N+1 discipline for the feed: a page of complaints with brand, author, latest messages, resolution and rating
 * costs the same number of SQL statements for 5 complaints as for 50, and the Q3 (the latest complaints with
 * brand, author and rating) one statement; a page of brands with their complaints costs one statement per level, for 2
 * brands as for 20, whoever asks.
 */
@Import(StatementCounting.class)
@TestPropertySource(properties = StatementCounting.NO_BACKGROUND_WORK)
class ComplaintQueryCostTests extends ApiTest {

	private static final String PAGE = """
			query($first: Int!, $search: String!) {
			  complaints(first: $first, filter: {search: $search}) {
			    nodes { id title brand { name } author { publicName } latestMessages { body authorName }
			            resolution { kind status } rating { stars } }
			  }
			}""";

	/** The Q2 without its third level: 20 brands, 5 complaints each. */
	private static final String BRANDS_WITH_COMPLAINTS = """
			query($first: Int!, $search: String!) {
			  brands(first: $first, search: $search) {
			    nodes { name complaints(first: 5) { nodes { title status } } }
			  }
			}""";

	@Autowired
	private StatementCounting.StatementCounter statements;

	@Test
	void twentyBrandsWithTheirComplaintsCostOneStatementPerLevelAsTwoDo() {
		String token = unique("brands");
		seedBrands(token, 20, 7);
		String agent = unique("agent");
		db.sql("""
				INSERT INTO brand_members (brand_id, subject, role)
				SELECT id, :agent, 'AGENT' FROM brands WHERE slug LIKE :token || '-b%' AND id % 2 = 0""")
				.bind("agent", agent).bind("token", token).then().block();

		for (GraphQlTester caller : List.of(anonymous(), as(agent))) {
			int two = statementsForBrands(caller, 2, token);
			int twenty = statementsForBrands(caller, 20, token);

			assertThat(twenty).isEqualTo(two).isEqualTo(2);
		}
	}

	@Test
	void theViewersOwnComplaintsCostOneStatementWithTheirRights() {
		String token = unique("own");
		seedBrands(token, 3, 4);

		statements.countOn("complaints", "brand_members");
		as(token + "-c").document("query { viewer { complaints(first: 10) { nodes { title description } } } }")
				.execute().path("viewer.complaints.nodes[*].description").entityList(String.class).hasSize(10);

		assertThat(statements.count()).isEqualTo(1);
		statements.countOn();
	}

	@Test
	void aPageOfTheInboxCostsOneStatementWhateverTheFilterAndOrder() {
		String token = unique("inbox");
		seedBrands(token, 3, 12);
		String agent = unique("agent");
		db.sql("""
				INSERT INTO brand_members (brand_id, subject, role)
				SELECT id, :agent, 'AGENT' FROM brands WHERE slug LIKE :token || '-b%'""")
				.bind("agent", agent).bind("token", token).then().block();

		for (String arguments : List.of("", "filter: {status: OPEN, unassigned: true}, orderBy: CREATED_AT",
				"filter: {overdue: false, dueWithin: 24, category: DELIVERY}, orderBy: LAST_ACTIVITY")) {
			statements.countOn("complaints", "brand_members");
			as(agent).document("query($slug: String!) { brand(slug: $slug) { inbox(first: 10 %s) { nodes { title dueAt } } } }"
					.formatted(arguments.isEmpty() ? "" : ", " + arguments))
					.variable("slug", token + "-b1").execute().path("brand.inbox.nodes").entityList(Object.class)
					.satisfies(nodes -> assertThat(nodes.size()).isLessThanOrEqualTo(10));
			assertThat(statements.count()).as(arguments).isEqualTo(1);
		}
		// Several brands' inboxes in one request: still one statement.
		statements.countOn("complaints", "brand_members");
		as(agent).document("""
				query($search: String) { brands(first: 3, search: $search) { nodes { inbox(first: 5) { nodes { title } } } } }""")
				.variable("search", token).execute().path("brands.nodes[*].inbox.nodes[*].title").entityList(String.class)
				.hasSize(15);
		assertThat(statements.count()).isEqualTo(1);
		statements.countOn();
	}

	private int statementsForBrands(GraphQlTester caller, int first,
			String search) {
		statements.countOn("brands", "complaints", "profiles", "brand_members");
		caller.document(BRANDS_WITH_COMPLAINTS).variable("first", first).variable("search", search).execute()
				.path("brands.nodes").entityList(Object.class).hasSize(first)
				.path("brands.nodes[*].complaints.nodes[*].title").entityList(String.class).hasSize(first * 5);
		int measured = statements.count();
		statements.countOn();
		return measured;
	}

	@Test
	void pageOfFiftyComplaintsCostsNoMoreStatementsThanPageOfFive() {
		String token = unique("feed");
		seed(token, 60);

		int five = statementsFor(5, token);
		int fifty = statementsFor(50, token);

		assertThat(fifty).isEqualTo(five);
		assertThat(five).isBetween(1, 8);
	}

	@Test
	void theLatestComplaintsWithTheirBrandAuthorAndRatingAreOneStatement() {
		String token = unique("joined");
		seed(token, 30);

		statements.countOn("complaints", "ratings", "brands", "brand_listing", "profiles", "brand_members");
		anonymous().document("""
				query($search: String!) {
				  complaints(first: 30, filter: {search: $search}) {
				    nodes { title brand { name } author { publicName } rating { stars } }
				  }
				}""").variable("search", token).execute()
				.path("complaints.nodes[*].brand.name").entityList(String.class).hasSize(30)
				.path("complaints.nodes[*].author.publicName").entityList(String.class).hasSize(30)
				.path("complaints.nodes[*].rating.stars").entityList(Integer.class).contains(4);

		assertThat(statements.count()).isEqualTo(1);
		statements.countOn();
	}

	private int statementsFor(int first, String search) {
		statements.countOn("complaints", "messages", "ratings", "proposals", "brands", "profiles", "brand_members");
		anonymous().document(PAGE).variable("first", first).variable("search", search).execute()
				.path("complaints.nodes").entityList(Object.class).hasSize(first)
				.path("complaints.nodes[*].rating.stars").entityList(Integer.class).contains(4);
		int measured = statements.count();
		statements.countOn();
		return measured;
	}

	/** {@code brands} brands named after {@code token}, each with {@code perBrand} complaints of one consumer. */
	private void seedBrands(String token, int brands, int perBrand) {
		insertBrands(token, brands);
		db.sql("INSERT INTO profiles (subject, public_name) VALUES (:token || '-c', 'Shopper')")
				.bind("token", token).then().block();
		db.sql("""
				INSERT INTO complaints (brand_id, consumer_id, title, public_title, description, category, status,
				                        first_response_due_at)
				SELECT b.id, p.id, 'Complaint ' || n, 'Complaint ' || n, 'What went wrong', 'DELIVERY', 'OPEN',
				       now() + interval '1 day'
				FROM brands b, generate_series(1, :perBrand) AS n, profiles p
				WHERE b.slug LIKE :token || '-b%' AND p.subject = :token || '-c'""")
				.bind("token", token).bind("perBrand", perBrand).then().block();
	}

	/** Complaints against five brands by ten consumers, each with messages; every third rated and proposed. */
	private void seed(String token, int count) {
		db.sql("""
				INSERT INTO brands (slug, name, website, domain, status)
				SELECT :token || '-b' || n, :token || ' brand ' || n, 'https://' || :token || '-b' || n || '.example',
				       :token || '-b' || n || '.example', 'VERIFIED' FROM generate_series(1, 5) AS n""")
				.bind("token", token).then().block();
		db.sql("""
				INSERT INTO profiles (subject, public_name)
				SELECT :token || '-c' || n, 'Shopper ' || n FROM generate_series(1, 10) AS n""")
				.bind("token", token).then().block();
		db.sql("""
				INSERT INTO complaints (brand_id, consumer_id, title, public_title, description, category, status,
				                        first_response_due_at)
				SELECT b.id, p.id, :token || ' complaint ' || n, :token || ' complaint ' || n, 'What went wrong',
				       'DELIVERY', 'IN_PROGRESS', now() + interval '1 day'
				FROM generate_series(1, :count) AS n
				JOIN brands b ON b.slug = :token || '-b' || (n % 5 + 1)
				JOIN profiles p ON p.subject = :token || '-c' || (n % 10 + 1)""")
				.bind("token", token).bind("count", count).then().block();
		db.sql("""
				INSERT INTO messages (complaint_id, brand_id, author_kind, author_subject, visibility, body)
				SELECT c.id, c.brand_id, kind, NULL, visibility, 'Message ' || m
				FROM complaints c, generate_series(1, 4) AS m,
				     LATERAL (SELECT CASE WHEN m % 2 = 0 THEN 'BRAND' ELSE 'CONSUMER' END AS kind,
				                     CASE WHEN m = 3 THEN 'PRIVATE' ELSE 'PUBLIC' END AS visibility) shape
				WHERE c.title LIKE :token || ' complaint %'""")
				.bind("token", token).then().block();
		db.sql("""
				INSERT INTO ratings (complaint_id, brand_id, stars, would_buy_again)
				SELECT id, brand_id, 4, true FROM complaints WHERE title LIKE :token || ' complaint %' AND id % 3 = 0""")
				.bind("token", token).then().block();
		db.sql("""
				INSERT INTO proposals (complaint_id, brand_id, kind, summary, status, proposed_by)
				SELECT id, brand_id, 'REFUND', 'Refund', 'ACCEPTED', 'agent'
				FROM complaints WHERE title LIKE :token || ' complaint %' AND id % 3 = 0""")
				.bind("token", token).then().block();
	}
}
