package io.redress.brand;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.redress.ApiTest;
import io.redress.shared.GlobalId;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

class BrandDirectoryTests extends ApiTest {

	@Test
	void brandIsFoundBySlug() {
		String name = unique("Found").toUpperCase(Locale.ROOT);
		String slug = seed(name, "VERIFIED");

		anonymous().documentName("brand").variable("slug", slug).execute()
				.path("brand.id").entity(String.class).isEqualTo(GlobalId.encode(Brand.TYPE, idOf(slug)))
				.path("brand.slug").entity(String.class).isEqualTo(slug)
				.path("brand.name").entity(String.class).isEqualTo(name)
				.path("brand.website").entity(String.class).isEqualTo("https://" + slug + ".example")
				.path("brand.status").entity(String.class).isEqualTo("VERIFIED")
				.path("brand.verified").entity(Boolean.class).isEqualTo(true)
				.path("brand.claimed").entity(Boolean.class).isEqualTo(true);
	}

	@Test
	void unknownOrMalformedSlugFindsNothing() {
		for (String slug : List.of(unique("nobody"), "Not A Slug!", "", "a".repeat(61))) {
			anonymous().documentName("brand").variable("slug", slug).execute()
					.errors().verify()
					.path("brand").valueIsNull();
		}
	}

	@Test
	void searchFindsBrandsByAnyPartOfTheirNameWhateverTheCase() {
		String token = unique("case");
		String outdoor = "Outdoor " + token.toUpperCase(Locale.ROOT) + " Gear";
		String camping = "camping-" + token;
		seed(outdoor, "UNCLAIMED");
		seed(camping, "UNCLAIMED");
		seed(unique("unrelated"), "UNCLAIMED");

		assertThat(names(search(token.substring(0, token.length() - 1).toUpperCase(Locale.ROOT))))
				.containsExactly(camping, outdoor);
		assertThat(names(search("  " + token + " gear  "))).containsExactly(outdoor);
	}

	@Test
	void searchTreatsPercentUnderscoreAndBackslashLiterally() {
		String token = unique("lit");
		String percent = token + " 100% cotton";
		String underscore = token + " snake_case";
		String backslash = token + " back\\slash";
		for (String name : List.of(percent, token + " 1000 cotton", underscore, token + " snakeXcase", backslash,
				token + " backslash")) {
			seed(name, "UNCLAIMED");
		}

		assertThat(names(search(token + " 100%"))).containsExactly(percent);
		assertThat(names(search(token + " snake_case"))).containsExactly(underscore);
		assertThat(names(search(token + " back\\slash"))).containsExactly(backslash);
		assertThat(names(search(token + "%cotton"))).isEmpty();
	}

	@Test
	void pagesWalkASearchInNameOrderWithoutGapsOrRepeats() {
		String token = unique("walk");
		List<String> names = new ArrayList<>();
		for (String word : List.of("Delta", "alpha", "Echo", "charlie", "Bravo", "golf", "Foxtrot")) {
			names.add(token + " " + word);
			seed(token + " " + word, "UNCLAIMED");
		}
		names.sort(Comparator.comparing(name -> name.toLowerCase(Locale.ROOT)));

		List<String> walked = new ArrayList<>();
		List<Boolean> hasNext = new ArrayList<>();
		String after = null;
		do {
			GraphQlTester.Request<?> request = anonymous().documentName("brandDirectory")
					.variable("first", 3).variable("search", token);
			GraphQlTester.Response page = (after == null ? request : request.variable("after", after)).execute();
			page.path("brands.pageInfo.hasPreviousPage").entity(Boolean.class).isEqualTo(after != null);
			walked.addAll(page.path("brands.nodes[*].name").entityList(String.class).get());
			hasNext.add(page.path("brands.pageInfo.hasNextPage").entity(Boolean.class).get());
			after = page.path("brands.pageInfo.endCursor").entity(String.class).get();
		}
		while (hasNext.get(hasNext.size() - 1));

		assertThat(walked).containsExactlyElementsOf(names);
		assertThat(hasNext).containsExactly(true, true, false);
	}

	@Test
	void pagesOfOneWalkNamesWithNonAsciiCapitalsAsOneBigPageLists() {
		// Java lower-cases İ to "i" plus a combining dot, PostgreSQL to "i": a cursor made in Java skipped Ivy.
		String token = unique("dotted");
		for (String word : List.of("Ikea", "İstanbul Tea", "Ivy", "Izmir Figs", "Äpfel", "Zebra")) {
			seed(token + " " + word, "UNCLAIMED");
		}
		List<String> all = names(search(token));

		List<String> walked = new ArrayList<>();
		String after = null;
		boolean hasNext = true;
		while (hasNext) {
			GraphQlTester.Request<?> request = anonymous().documentName("brandDirectory")
					.variable("first", 1).variable("search", token);
			GraphQlTester.Response page = (after == null ? request : request.variable("after", after)).execute();
			walked.addAll(names(page));
			hasNext = page.path("brands.pageInfo.hasNextPage").entity(Boolean.class).get();
			after = page.path("brands.pageInfo.endCursor").entity(String.class).get();
		}

		assertThat(all).hasSize(6);
		assertThat(walked).containsExactlyElementsOf(all);
	}

	@Test
	void edgeCursorsContinueWhereTheEdgeIs() {
		String token = unique("edge");
		for (String word : List.of("one", "two", "three")) {
			seed(token + " " + word, "UNCLAIMED");
		}
		GraphQlTester.Response first = anonymous().documentName("brandDirectory")
				.variable("first", 3).variable("search", token).execute();
		String afterFirstEdge = first.path("brands.edges[0].cursor").entity(String.class).get();
		List<String> rest = first.path("brands.edges[*].node.slug").entityList(String.class).get().subList(1, 3);

		anonymous().documentName("brandDirectory")
				.variable("first", 3).variable("search", token).variable("after", afterFirstEdge).execute()
				.path("brands.edges[*].node.slug").entityList(String.class).containsExactly(rest.toArray(String[]::new))
				.path("brands.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	@Test
	void nodeFindsABrandByItsGlobalId() {
		String slug = seed(unique("Node"), "UNCLAIMED");
		String id = GlobalId.encode(Brand.TYPE, idOf(slug));

		anonymous().documentName("node").variable("id", id).execute()
				.path("node.__typename").entity(String.class).isEqualTo("Brand")
				.path("node.id").entity(String.class).isEqualTo(id)
				.path("node.slug").entity(String.class).isEqualTo(slug);
	}

	@Test
	void nodeIsNullForAGarbageIdAnUnknownTypeOrAMissingBrand() {
		long brandId = idOf(seed(unique("Other"), "UNCLAIMED"));
		List<String> ids = List.of("garbage", "", "!!!", GlobalId.encode("Nope", brandId),
				GlobalId.encode(Brand.TYPE, Long.MAX_VALUE));
		for (String id : ids) {
			anonymous().documentName("node").variable("id", id).execute()
					.errors().verify()
					.path("node").valueIsNull();
		}
	}

	@Test
	void anonymousCallersSeeNeitherTheTeamNorClaimsNorARole() {
		String slug = seed(unique("Private"), "UNCLAIMED");
		String owner = unique("owner");
		String claimant = unique("claimant");
		db.sql("INSERT INTO brand_members (brand_id, subject, role) VALUES (:id, :subject, 'OWNER')")
				.bind("id", idOf(slug)).bind("subject", owner).then().block();
		db.sql("INSERT INTO brand_claims (brand_id, claimant, evidence, status) VALUES (:id, :claimant, 'Me', 'PENDING')")
				.bind("id", idOf(slug)).bind("claimant", claimant).then().block();

		anonymous().documentName("brand").variable("slug", slug).execute()
				.path("brand.members").entityList(Object.class).hasSize(0)
				.path("brand.claims").entityList(Object.class).hasSize(0)
				.path("brand.viewerRole").valueIsNull();
		anonymous().documentName("node").variable("id", GlobalId.encode(Brand.TYPE, idOf(slug))).execute()
				.path("node.members").entityList(Object.class).hasSize(0)
				.path("node.claims").entityList(Object.class).hasSize(0)
				.path("node.viewerRole").valueIsNull();

		// The rows are there: the member and the claimant do see them.
		as(owner).documentName("brand").variable("slug", slug).execute()
				.path("brand.members[*].subject").entityList(String.class).containsExactly(owner)
				.path("brand.viewerRole").entity(String.class).isEqualTo("OWNER");
		as(claimant).documentName("brand").variable("slug", slug).execute()
				.path("brand.claims[*].claimant").entityList(String.class).containsExactly(claimant);
	}

	/** A brand straight in the table, under a name of the test's choosing; returns its slug. */
	private String seed(String name, String status) {
		String slug = unique("dir");
		db.sql("""
				INSERT INTO brands (slug, name, website, domain, status)
				VALUES (:slug, :name, 'https://' || :slug || '.example', :slug || '.example', :status)""")
				.bind("slug", slug).bind("name", name).bind("status", status)
				.then().block();
		return slug;
	}

	private long idOf(String slug) {
		return db.sql("SELECT id FROM brands WHERE slug = :slug").bind("slug", slug)
				.map(row -> row.get("id", Long.class)).one().block();
	}

	private GraphQlTester.Response search(String text) {
		return anonymous().documentName("brandDirectory").variable("first", 100).variable("search", text).execute();
	}

	private static List<String> names(GraphQlTester.Response response) {
		return response.path("brands.nodes[*].name").entityList(String.class).get();
	}
}
