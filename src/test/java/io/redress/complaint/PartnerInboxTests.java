package io.redress.complaint;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static io.redress.complaint.TargetTests.rowId;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Partner cases in the partner's inbox: a case a brand is involved in as a partner comes in its inbox beside its own
 * complaints, marked with the brand whose case it is, seen as a partner sees it, until it declines. The filed-against
 * brand's inbox and export are unchanged.
 */
class PartnerInboxTests extends ApiTest {

	private static final String INBOX = """
			query($slug: String!, $first: Int, $after: String, $filter: InboxFilter, $orderBy: InboxOrder) {
			  brand(slug: $slug) {
			    inbox(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
			      nodes { id title assignee orderReference partnerCaseOf { slug } }
			      pageInfo { hasNextPage endCursor }
			    }
			  }
			}""";

	private String shop;
	private String shopAgent;
	private String courier;
	private String courierManager;
	private String courierAgent;
	private String courierIntegration;
	private String consumer;
	private String partnerCase;
	private String courierOwn;

	@BeforeEach
	void aShopsCaseWithItsCourierInvolvedAndACaseOfTheCouriersOwn() {
		Team shopTeam = team(unique("shop"), "AGENT");
		shop = shopTeam.slug();
		shopAgent = shopTeam.member("AGENT");
		Team courierTeam = team(unique("courier"), "MANAGER", "AGENT", "INTEGRATION");
		courier = courierTeam.slug();
		courierManager = courierTeam.member("MANAGER");
		courierAgent = courierTeam.member("AGENT");
		courierIntegration = courierTeam.member("INTEGRATION");
		consumer = unique("consumer");
		// The courier's own complaint first, so the partner case is the newer of the two.
		courierOwn = fileComplaint(consumer, courier, "Rude driver", "The driver shouted", "PARCEL-1");
		partnerCase = fileComplaint(consumer, shop, "Parcel never came", "Tracking says delivered", "ORDER-77");
		perform(shopAgent, "assignComplaint", partnerCase).path("assignComplaint.userErrors").entityList(Object.class)
				.hasSize(0);
		involve(shopAgent, courier);
	}

	@Test
	void thePartnersMembersFindTheCaseInTheirInboxMarkedWithTheBrandWhoseCaseItIs() {
		for (String reader : List.of(courierManager, courierAgent, courierIntegration)) {
			inbox(as(reader), courier, Map.of())
					.path("brand.inbox.nodes[*].id").entityList(String.class)
					.hasSize(2).contains(partnerCase, courierOwn)
					.path("brand.inbox.nodes[?(@.id == '%s')].partnerCaseOf.slug".formatted(partnerCase))
					.entityList(String.class).containsExactly(shop)
					.path("brand.inbox.nodes[?(@.id == '%s')].partnerCaseOf".formatted(courierOwn))
					.entityList(Object.class).containsExactly((Object) null)
					// Seen as a partner sees it: the order to find, but not who works it for the shop.
					.path("brand.inbox.nodes[?(@.id == '%s')].orderReference".formatted(partnerCase))
					.entityList(String.class).containsExactly("ORDER-77")
					.path("brand.inbox.nodes[?(@.id == '%s')].assignee".formatted(partnerCase))
					.entityList(Object.class).containsExactly((Object) null);
		}
	}

	@Test
	void moderatorsSeeThePartnersInboxAsItsMembersDo() {
		inbox(as("mod"), courier, Map.of()).path("brand.inbox.nodes[*].id").entityList(String.class)
				.hasSize(2).contains(partnerCase, courierOwn);
	}

	@Test
	void theConsumerTheShopsTeamStrangersAndAnonymousCallersFindThePartnersInboxEmpty() {
		for (GraphQlTester outsider : List.of(as(consumer), as(shopAgent), as(unique("stranger")), anonymous())) {
			inbox(outsider, courier, Map.of()).path("brand.inbox.nodes").entityList(Object.class).hasSize(0);
		}
	}

	@Test
	void theShopsInboxKeepsItsCaseAsItsOwnAndNeverTheCouriersComplaints() {
		inbox(as(shopAgent), shop, Map.of()).path("brand.inbox.nodes[*].id").entityList(String.class)
				.containsExactly(partnerCase)
				.path("brand.inbox.nodes[0].partnerCaseOf").valueIsNull()
				.path("brand.inbox.nodes[0].assignee").entity(String.class).isEqualTo(shopAgent);
	}

	@Test
	void aDeclinedCaseLeavesThePartnersInbox() {
		as(courierAgent).documentName("partners").operationName("declinePartnerInvolvement")
				.variable("input", Map.of("complaintId", partnerCase, "reason", "Not our parcel")).execute()
				.path("declinePartnerInvolvement.userErrors").entityList(Object.class).hasSize(0);

		inbox(as(courierAgent), courier, Map.of()).path("brand.inbox.nodes[*].id").entityList(String.class)
				.containsExactly(courierOwn);
	}

	@Test
	void partnerCasesHaveNoAssigneeForThePartnerSoFiltersTreatThemSo() {
		assertThat(ids(Map.of("filter", Map.of("unassigned", true)))).containsExactlyInAnyOrder(partnerCase, courierOwn);
		assertThat(ids(Map.of("filter", Map.of("unassigned", false)))).isEmpty();
		assertThat(ids(Map.of("filter", Map.of("assignee", shopAgent)))).isEmpty();
		assertThat(ids(Map.of("filter", Map.of("status", "OPEN", "category", "DELIVERY"))))
				.containsExactlyInAnyOrder(partnerCase, courierOwn);
	}

	@Test
	void partnerCasesAreOrderedAmongTheBrandsOwnInEveryOrder() {
		// The partner case is due first, and the courier's own complaint was the latest active.
		db.sql("UPDATE complaints SET first_response_due_at = now() - interval '1 hour' WHERE id = :id")
				.bind("id", rowId(partnerCase)).then().block();
		db.sql("UPDATE complaints SET last_activity_at = now() + interval '1 minute' WHERE id = :id")
				.bind("id", rowId(courierOwn)).then().block();

		assertThat(ids(Map.of("orderBy", "DUE_AT"))).containsExactly(partnerCase, courierOwn);
		assertThat(ids(Map.of("filter", Map.of("overdue", true)))).containsExactly(partnerCase);
		assertThat(ids(Map.of("filter", Map.of("overdue", false)))).containsExactly(courierOwn);
		assertThat(ids(Map.of("orderBy", "CREATED_AT"))).containsExactly(partnerCase, courierOwn);
		assertThat(ids(Map.of("orderBy", "LAST_ACTIVITY"))).containsExactly(courierOwn, partnerCase);
	}

	@Test
	void pagesRunAcrossOwnComplaintsAndPartnerCasesWithoutGapOrRepeat() {
		String another = fileComplaint(consumer, shop, "Second parcel", "Also missing");
		involve(shopAgent, courier, another);
		for (String order : List.of("DUE_AT", "CREATED_AT", "LAST_ACTIVITY")) {
			List<String> whole = ids(Map.of("orderBy", order));
			GraphQlTester.Response first = inbox(as(courierAgent), courier, Map.of("orderBy", order, "first", 2));
			String cursor = first.path("brand.inbox.pageInfo.endCursor").entity(String.class).get();
			List<String> rest = inbox(as(courierAgent), courier, Map.of("orderBy", order, "first", 2, "after", cursor))
					.path("brand.inbox.nodes[*].id").entityList(String.class).get();

			assertThat(whole).as(order).containsExactlyInAnyOrder(partnerCase, another, courierOwn);
			assertThat(first.path("brand.inbox.nodes[*].id").entityList(String.class).get()).as(order)
					.containsExactlyElementsOf(whole.subList(0, 2));
			assertThat(rest).as(order).containsExactlyElementsOf(whole.subList(2, 3));
		}
	}

	@Test
	void theExportStaysTheComplaintsFiledAgainstTheBrand() throws IOException {
		String csv = http().get().uri("/brands/" + courier + "/complaints.csv")
				.headers(headers -> headers.setBearerAuth(issuer().token(courierManager))).exchange()
				.expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

		List<CSVRecord> records = CSVFormat.RFC4180.parse(new StringReader(csv)).getRecords();
		assertThat(records).hasSize(2);
		assertThat(String.join(",", records.get(1))).contains("Rude driver").doesNotContain("Parcel never came");
	}

	private void involve(String caller, String partner) {
		involve(caller, partner, partnerCase);
	}

	private void involve(String caller, String partner, String complaintId) {
		as(caller).documentName("partners").operationName("involvePartner")
				.variable("input", Map.of("complaintId", complaintId, "partnerBrandSlug", partner)).execute()
				.path("involvePartner.userErrors").entityList(Object.class).hasSize(0);
	}

	private List<String> ids(Map<String, Object> arguments) {
		return inbox(as(courierAgent), courier, arguments).path("brand.inbox.nodes[*].id").entityList(String.class)
				.get();
	}

	private static GraphQlTester.Response inbox(GraphQlTester reader, String slug, Map<String, Object> arguments) {
		GraphQlTester.Request<?> request = reader.document(INBOX).variable("slug", slug);
		for (Map.Entry<String, Object> argument : arguments.entrySet()) {
			request = request.variable(argument.getKey(), argument.getValue());
		}
		return request.execute();
	}
}
