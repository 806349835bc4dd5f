package io.redress.complaint;

import io.redress.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A brand's complaints and the viewer's own, read for a whole page of brands at once: each brand still gets its own
 * page, its arguments and its viewer's rights, exactly as if it had been asked alone.
 */
class BrandComplaintsTests extends ApiTest {

	private static final String MAIL = "write to jane.doe@example.com";

	@Test
	void eachBrandOfAPageGetsItsOwnNewestComplaints() {
		String token = unique("page");
		String busy = token + "-busy";
		String quiet = token + "-quiet";
		registerBrand(unique("owner"), busy);
		registerBrand(unique("owner"), quiet);
		String consumer = unique("consumer");
		fileComplaint(consumer, busy, "Busy first", "One");
		fileComplaint(consumer, busy, "Busy second", "Two");
		fileComplaint(consumer, busy, "Busy third", "Three");
		fileComplaint(consumer, quiet, "Quiet only", "Four");

		GraphQlTester.Response page = brandsWithComplaints(anonymous(), token, 2, null);

		page.path("brands.nodes[*].slug").entityList(String.class).containsExactly(busy, quiet);
		page.path("brands.nodes[0].complaints.nodes[*].title").entityList(String.class)
				.containsExactly("Busy third", "Busy second");
		page.path("brands.nodes[0].complaints.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		page.path("brands.nodes[1].complaints.nodes[*].title").entityList(String.class).containsExactly("Quiet only");
		page.path("brands.nodes[1].complaints.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void aBrandsMembersSeeItsComplaintsWholeAndEveryoneElseMasked() {
		String token = unique("rights");
		String mine = token + "-mine";
		String theirs = token + "-theirs";
		String owner = unique("owner");
		registerBrand(owner, mine);
		registerBrand(unique("owner"), theirs);
		String consumer = unique("consumer");
		fileComplaint(consumer, mine, "Parcel lost", MAIL);
		fileComplaint(consumer, theirs, "Parcel late", MAIL);

		GraphQlTester.Response asOwner = brandsWithComplaints(as(owner), token, 5, null);
		asOwner.path("brands.nodes[0].complaints.nodes[0].description").entity(String.class).isEqualTo(MAIL);
		asOwner.path("brands.nodes[1].complaints.nodes[0].description").entity(String.class).isNotEqualTo(MAIL);

		GraphQlTester.Response asPublic = brandsWithComplaints(anonymous(), token, 5, null);
		asPublic.path("brands.nodes[*].complaints.nodes[*].description").entityList(String.class)
				.satisfies(descriptions -> assertThat(descriptions).hasSize(2)
						.allSatisfy(description -> assertThat(description).doesNotContain("jane.doe")));
	}

	@Test
	void withdrawnComplaintsStayOutOfBrandPages() {
		String token = unique("withdrawn");
		String brand = token + "-brand";
		registerBrand(unique("owner"), brand);
		String consumer = unique("consumer");
		fileComplaint(consumer, brand, "Still open", "Kept");
		String withdrawn = fileComplaint(consumer, brand, "Taken back", "Gone");
		Cases.act(as(consumer), "withdrawComplaint", withdrawn).path("withdrawComplaint.userErrors")
				.entityList(Object.class).hasSize(0);

		brandsWithComplaints(anonymous(), token, 5, null)
				.path("brands.nodes[0].complaints.nodes[*].title").entityList(String.class)
				.containsExactly("Still open");
	}

	@Test
	void theStatusFilterAppliesToEveryBrandOfThePage() {
		String token = unique("status");
		String first = token + "-a";
		String second = token + "-b";
		registerBrand(unique("owner"), first);
		registerBrand(unique("owner"), second);
		String consumer = unique("consumer");
		fileComplaint(consumer, first, "Open one", "One");
		fileComplaint(consumer, second, "Open two", "Two");

		brandsWithComplaints(anonymous(), token, 5, "OPEN")
				.path("brands.nodes[*].complaints.nodes[*].title").entityList(String.class)
				.containsExactly("Open one", "Open two");
		brandsWithComplaints(anonymous(), token, 5, "RESOLVED")
				.path("brands.nodes[*].complaints.nodes[*].title").entityList(String.class).hasSize(0);
	}

	@Test
	void aCursorContinuesTheBrandsPage() {
		String brand = unique("cursor");
		registerBrand(unique("owner"), brand);
		String consumer = unique("consumer");
		fileComplaint(consumer, brand, "Older", "One");
		fileComplaint(consumer, brand, "Newer", "Two");

		GraphQlTester.Response first = anonymous().documentName("brandComplaints")
				.operationName("brandComplaintsAfter").variable("slug", brand).variable("first", 1).execute();
		first.path("brand.complaints.nodes[*].title").entityList(String.class).containsExactly("Newer");
		String cursor = first.path("brand.complaints.pageInfo.endCursor").entity(String.class).get();

		GraphQlTester.Response next = anonymous().documentName("brandComplaints")
				.operationName("brandComplaintsAfter").variable("slug", brand).variable("first", 1)
				.variable("after", cursor).execute();
		next.path("brand.complaints.nodes[*].title").entityList(String.class).containsExactly("Older");
		next.path("brand.complaints.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
		next.path("brand.complaints.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(true);
	}

	/** The field is non-null, so its error makes the brand that has it null, as the GraphQL spec has it. */
	@Test
	void aBadCursorFailsOnlyTheBrandThatHasIt() {
		String good = unique("good");
		String bad = unique("bad");
		registerBrand(unique("owner"), good);
		registerBrand(unique("owner"), bad);
		fileComplaint(unique("consumer"), good, "Readable", "One");

		GraphQlTester.Response response = anonymous().documentName("brandComplaints")
				.operationName("twoBrandsOneBadCursor").variable("good", good).variable("bad", bad)
				.variable("cursor", "bm9uc2Vuc2U").execute();

		response.errors().satisfy(errors -> assertThat(errors).singleElement()
				.satisfies(error -> assertThat(error.getPath()).startsWith("bad")));
		response.path("good.complaints.nodes[*].title").entityList(String.class).containsExactly("Readable");
		response.path("bad").valueIsNull();
	}

	@Test
	void theViewerSeesTheirOwnComplaintsWholeWithdrawnOnesIncluded() {
		String consumer = unique("consumer");
		String brand = unique("brand");
		registerBrand(unique("owner"), brand);
		fileComplaint(consumer, brand, "Kept", MAIL);
		String withdrawn = fileComplaint(consumer, brand, "Taken back", "Gone");
		Cases.act(as(consumer), "withdrawComplaint", withdrawn).path("withdrawComplaint.userErrors")
				.entityList(Object.class).hasSize(0);

		GraphQlTester.Response mine = as(consumer).documentName("brandComplaints").operationName("viewerComplaints")
				.execute();

		mine.path("viewer.complaints.nodes[*].title").entityList(String.class).containsExactly("Taken back", "Kept");
		mine.path("viewer.complaints.nodes[1].description").entity(String.class).isEqualTo(MAIL);
		mine.path("viewer.complaints.nodes[0].status").entity(String.class).isEqualTo("WITHDRAWN");
	}

	@Test
	void aPageReadsTheClocksWheneverAFieldAboutThemIsSelected() {
		String brand = unique("clocks");
		registerBrand(unique("owner"), brand);
		fileComplaint(unique("consumer"), brand, "Timed", "Clock");

		GraphQlTester.Response page = anonymous().documentName("brandComplaints")
				.operationName("brandComplaintsClocks").variable("slug", brand).execute();

		for (String field : new String[] { "createdAt", "firstResponseDueAt", "resolutionDueAt", "lastActivityAt",
				"dueAt" }) {
			page.path("brand.withClocks.nodes[0]." + field).entity(String.class).satisfies(
					value -> assertThat(value).as(field).isNotBlank());
		}
		page.path("brand.withClocks.nodes[0].overdue").entity(Boolean.class).isEqualTo(false);
		page.path("brand.withClocks.nodes[0].resolutionOverdue").entity(Boolean.class).isEqualTo(false);
		page.path("brand.fromFragment.nodes[0].lastActivityAt").entity(String.class)
				.satisfies(value -> assertThat(value).isNotBlank());
		page.path("brand.withoutClocks.nodes[0].createdAt").entity(String.class)
				.satisfies(value -> assertThat(value).isNotBlank());
		page.path("brand.withoutClocks.pageInfo.endCursor").entity(String.class)
				.satisfies(value -> assertThat(value).isNotBlank());
	}

	@Test
	void aPageReadsItsBrandsDetailsWheneverAFieldAboutThemIsSelected() {
		String brand = unique("details");
		registerBrand(unique("owner"), brand);
		fileComplaint(unique("consumer"), brand, "Named", "By its brand");

		GraphQlTester.Response page = anonymous().documentName("brandComplaints")
				.operationName("brandComplaintsBrandDetails").variable("slug", brand).execute();

		page.path("brand.byName.nodes[0].title").entity(String.class).isEqualTo("Named");
		page.path("brand.byName.nodes[0].brand.slug").entity(String.class).isEqualTo(brand);
		page.path("brand.byName.nodes[0].brand.name").entity(String.class)
				.satisfies(name -> assertThat(name).isNotBlank());
		page.path("brand.withDetails.nodes[0].brand.website").entity(String.class)
				.satisfies(website -> assertThat(website).isNotBlank());
		page.path("brand.withDetails.nodes[0].brand.createdAt").entity(String.class)
				.satisfies(createdAt -> assertThat(createdAt).isNotBlank());
		page.path("brand.fromFragment.nodes[0].brand.createdAt").entity(String.class)
				.satisfies(createdAt -> assertThat(createdAt).isNotBlank());
	}

	@Test
	void whatFragmentsSelectIsReadWithThePage() {
		String brand = unique("fragments");
		registerBrand(unique("owner"), brand);
		fileComplaint(unique("consumer"), brand, "Framed", "Through a fragment");

		GraphQlTester.Response page = anonymous().documentName("brandComplaints")
				.operationName("brandComplaintsThroughFragments").variable("slug", brand).execute();

		page.path("brand.complaints.edges[0].node.title").entity(String.class).isEqualTo("Framed");
		page.path("brand.complaints.edges[0].node.brand.slug").entity(String.class).isEqualTo(brand);
		page.path("brand.complaints.edges[0].node.description").entity(String.class).isEqualTo("Through a fragment");
		page.path("brand.complaints.edges[0].node.rating").valueIsNull();
		page.path("brand.complaints.edges[0].node.resolvedAt").valueIsNull();
	}

	private GraphQlTester.Response brandsWithComplaints(GraphQlTester caller, String search, int perBrand,
			String status) {
		return caller.documentName("brandComplaints").operationName("brandsWithComplaints")
				.variable("first", 10).variable("search", search).variable("perBrand", perBrand)
				.variable("status", status).execute();
	}
}
