package io.redress.complaint;

import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.test.tester.HttpGraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Search matches the text everyone may read, so it cannot be used to recover what masking hides. */
class ComplaintSearchTests extends ApiTest {

	private static final String SEARCH = """
			query($search: String!) { complaints(first: 10, filter: {search: $search}) { nodes { title } } }""";

	@Autowired
	PublicTitles publicTitles;

	@Test
	void aHiddenPhoneNumberCannotBeFoundDigitByDigit() {
		String token = unique("oracle");
		String brand = unique("brand");
		String consumer = unique("consumer");
		registerBrand(unique("owner"), brand);
		fileComplaint(consumer, brand, token + " call me on 555-867-5309 please", "Still waiting");

		assertThat(titlesFound(anonymous(), token)).containsExactly(token + " call me on [hidden] please");
		assertThat(titlesFound(anonymous(), token + " call me on [hidden]")).hasSize(1);
		for (String probe : List.of(token + " call me on 5", token + " call me on 555", token + " call me on 555-867",
				"555-867-5309", "867-5309")) {
			assertThat(titlesFound(anonymous(), probe)).as(probe).isEmpty();
			assertThat(titlesFound(as(consumer), probe)).as("the consumer's own search for " + probe).isEmpty();
		}
	}

	@Test
	void complaintsWrittenWithoutAPublicTitleAreSearchableOnceMasked() {
		String token = unique("legacy");
		String brand = unique("brand");
		String consumer = unique("consumer");
		registerBrand(unique("owner"), brand);
		String id = fileComplaint(consumer, brand, token + " first", "Filed through the API");
		db.sql("""
				INSERT INTO complaints (brand_id, consumer_id, title, description, category, status, first_response_due_at)
				SELECT brand_id, consumer_id, :title, 'Written by hand', 'DELIVERY', 'OPEN', now() + interval '1 day'
				FROM complaints WHERE title = :first""")
				.bind("title", token + " write to jane@example.com").bind("first", token + " first").then().block();

		publicTitles.fillWaiting().block();

		assertThat(titlesFound(anonymous(), token)).containsExactlyInAnyOrder(token + " first",
				token + " write to [hidden]");
		assertThat(titlesFound(anonymous(), "jane@example")).isEmpty();
		assertThat(id).isNotNull();
	}

	@SuppressWarnings("unchecked")
	private static List<String> titlesFound(HttpGraphQlTester caller, String search) {
		return caller.document(SEARCH).variable("search", search).execute()
				.path("complaints.nodes").entityList(Map.class).get().stream()
				.map(node -> (String) ((Map<String, Object>) node).get("title")).toList();
	}
}
