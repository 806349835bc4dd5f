package io.redress.brand;

import io.redress.ApiTest;
import io.redress.testing.StatementCounting;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The N+1 discipline, measured: a page of brands with every relation costs the same number of SQL statements
 * whether it holds 5 brands or 50, and each brand's lists are bounded in that same statement.
 */
@Import(StatementCounting.class)
@TestPropertySource(properties = StatementCounting.NO_BACKGROUND_WORK)
class BrandQueryCostTests extends ApiTest {

	/** The page itself, then one statement each for members, viewerRole and claims. */
	private static final int STATEMENTS_PER_PAGE = 6;

	@Autowired
	private StatementCounting.StatementCounter statements;

	@Test
	void pageOfFiftyBrandsCostsNoMoreStatementsThanPageOfFive() {
		String token = unique("cost");
		String viewer = unique("member");
		seedBrandsWithTeamsAndClaims(token, 55, viewer);

		int five = statementsFor(5, token, viewer);
		int fifty = statementsFor(50, token, viewer);

		assertThat(fifty).isEqualTo(five);
		assertThat(five).isBetween(1, STATEMENTS_PER_PAGE);
	}

	@Test
	void eachBrandShowsItsFirstHundredMembersAndLatestHundredClaims() {
		String token = unique("crowded");
		seedBrandsWithTeamsAndClaims(token, 3, unique("member"));
		db.sql("""
				INSERT INTO brand_members (brand_id, subject, role, added_at)
				SELECT b.id, :token || '-agent-' || lpad(n::text, 3, '0'), 'AGENT', now() + n * interval '1 second'
				FROM brands b, generate_series(1, 120) AS n WHERE b.slug = :token || '-1'""")
				.bind("token", token).then().block();
		db.sql("""
				INSERT INTO brand_claims (brand_id, claimant, evidence, status, created_at)
				SELECT b.id, :token || '-claimant-' || lpad(n::text, 3, '0'), 'Evidence', 'REJECTED',
				       now() + n * interval '1 second'
				FROM brands b, generate_series(1, 120) AS n WHERE b.slug = :token || '-1'""")
				.bind("token", token).then().block();

		statements.countOn("brands", "brand_members", "brand_claims");
		GraphQlTester.Response page = withToken(issuer().tokenWithRoles(unique("mod"), "moderator")).document("""
				query($search: String!) {
				  brands(first: 3, search: $search) { nodes { slug members { subject } claims { claimant } } }
				}""").variable("search", token).execute();

		page.path("brands.nodes[0].members[*].subject").entityList(String.class).hasSize(BrandMembers.MAX_SHOWN)
				.contains(token + "-owner", token + "-agent-001").doesNotContain(token + "-agent-100", token + "-agent-120");
		page.path("brands.nodes[0].claims[*].claimant").entityList(String.class).hasSize(BrandClaims.MAX_SHOWN)
				.contains(token + "-claimant-120").doesNotContain(token + "-claimant-020");
		page.path("brands.nodes[0].claims[0].claimant").entity(String.class).isEqualTo(token + "-claimant-021");
		page.path("brands.nodes[1].members[*].subject").entityList(String.class).contains(token + "-owner");
		assertThat(statements.count()).isEqualTo(3);
	}

	private int statementsFor(int first, String search, String viewer) {
		statements.countOn("brands", "brand_members", "brand_claims", "brand_scores", "score_snapshots");
		as(viewer).documentName("brandPageWithRelations")
				.variable("first", first).variable("search", search).execute()
				.path("brands.nodes").entityList(Object.class).hasSize(first)
				.path("brands.nodes[*].viewerRole").entityList(String.class).contains("AGENT");
		return statements.count();
	}

	/** Brands whose names contain {@code token}; the viewer is an agent of every third and has claimed every fifth. */
	private void seedBrandsWithTeamsAndClaims(String token, int count, String viewer) {
		db.sql("""
				INSERT INTO brands (slug, name, website, domain, status)
				SELECT :token || '-' || n, :token || ' brand ' || lpad(n::text, 3, '0'),
				       'https://' || :token || '-' || n || '.example', :token || '-' || n || '.example', 'UNCLAIMED'
				FROM generate_series(1, :count) AS n""")
				.bind("token", token).bind("count", count).then().block();
		db.sql("""
				INSERT INTO brand_members (brand_id, subject, role)
				SELECT id, :viewer, 'AGENT' FROM brands WHERE slug LIKE :token || '-%' AND id % 3 = 0""")
				.bind("viewer", viewer).bind("token", token).then().block();
		db.sql("""
				INSERT INTO brand_members (brand_id, subject, role)
				SELECT id, :token || '-owner', 'OWNER' FROM brands WHERE slug LIKE :token || '-%'""")
				.bind("token", token).then().block();
		db.sql("""
				INSERT INTO brand_claims (brand_id, claimant, evidence, status)
				SELECT id, :viewer, 'I work there', 'PENDING' FROM brands WHERE slug LIKE :token || '-%' AND id % 5 = 0""")
				.bind("viewer", viewer).bind("token", token).then().block();
	}
}
