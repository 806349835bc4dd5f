package io.redress.complaint;

import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Title, description and rating comment as each reader sees them, in every way a complaint is read: in the feed and
 * in its brand's page (whose statement reads the rating with the row) and by id (a data loader reads it). The
 * description is masked only when a query asks for it; who sees it masked is unchanged by that.
 */
class MaskedTextTests extends ApiTest {

	private static final String TITLE = "Call me on 555-867-5309";
	private static final String DESCRIPTION = "Write to jane@example.com or ring 555 123 4567 about order 100001";
	private static final String COMMENT = "Refunded in the end; questions to jane@example.com";

	@Test
	void everyoneButTheParticipantsReadsContactDetailsHiddenWhereverTheComplaintIsRead() {
		String brand = unique("masked");
		String owner = unique("owner");
		String agent = unique("agent");
		String consumer = unique("consumer");
		addMember(owner, registerBrand(owner, brand), agent, "AGENT");
		String id = fileComplaint(consumer, brand, TITLE, DESCRIPTION);
		db.sql("""
				INSERT INTO ratings (complaint_id, brand_id, stars, would_buy_again, comment)
				SELECT id, brand_id, 4, true, :comment FROM complaints WHERE title = :title AND brand_id =
				  (SELECT id FROM brands WHERE slug = :slug)""")
				.bind("comment", COMMENT).bind("title", TITLE).bind("slug", brand).then().block();

		for (GraphQlTester reader : List.of(anonymous(), as(unique("stranger")))) {
			assertThat(texts(reader, brand, id)).containsOnly(
					Map.of("id", id, "title", "Call me on [hidden]",
							"description", "Write to [hidden] or ring [hidden] about order 100001",
							"brand", Map.of("slug", brand),
							"rating", Map.of("comment", "Refunded in the end; questions to [hidden]")));
		}
		for (GraphQlTester participant : List.of(as(consumer), as(agent))) {
			assertThat(texts(participant, brand, id)).containsOnly(
					Map.of("id", id, "title", TITLE, "description", DESCRIPTION, "brand", Map.of("slug", brand),
							"rating", Map.of("comment", COMMENT)));
		}
	}

	/** The complaint as read in the feed, in its brand's page and by id. */
	private static List<Map<String, Object>> texts(GraphQlTester reader, String brand, String id) {
		GraphQlTester.Response response = reader.documentName("complaintTexts").variable("slug", brand)
				.variable("id", id).execute();
		List<Map<String, Object>> feed = response.path("complaints.nodes").entityList(MAP).hasSize(1).get();
		List<Map<String, Object>> page = response.path("brand.complaints.nodes").entityList(MAP).hasSize(1).get();
		Map<String, Object> byId = response.path("complaint").entity(MAP).get();
		return List.of(feed.get(0), page.get(0), byId);
	}

	@SuppressWarnings("unchecked")
	private static final Class<Map<String, Object>> MAP = (Class<Map<String, Object>>) (Class<?>) Map.class;
}
