package io.redress.brand;

import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** Saved replies: managers keep them, members read them, and a member's post fills their placeholders. */
class SavedReplyTests extends ApiTest {

	private static final String SAVE = """
			mutation($input: SaveReplyInput!) {
			  saveReply(input: $input) { savedReply { id title body } userErrors { field code } }
			}""";

	private static final String DELETE = """
			mutation($input: DeleteSavedReplyInput!) {
			  deleteSavedReply(input: $input) { savedReply { id } userErrors { field code } }
			}""";

	private static final String LIST = "query($slug: String!) { brand(slug: $slug) { name savedReplies { id title body } } }";

	private String brand;
	private String brandId;
	private String owner;
	private String manager;
	private String agent;
	private String integration;

	@BeforeEach
	void brandWithATeam() {
		brand = unique("replies");
		owner = unique("owner");
		manager = unique("manager");
		agent = unique("agent");
		integration = unique("helpdesk");
		brandId = registerBrand(owner, brand);
		addMember(owner, brandId, manager, "MANAGER");
		addMember(owner, brandId, agent, "AGENT");
		addMember(owner, brandId, integration, "INTEGRATION");
	}

	@Test
	void managersSaveAndMembersAndModeratorsReadThemByTitle() {
		save(owner, "Zebra", "Last one").path("saveReply.userErrors").entityList(Object.class).hasSize(0);
		save(manager, "Apology", "Sorry, {consumerName}. {brandName} will fix it.")
				.path("saveReply.savedReply.body").entity(String.class).isEqualTo("Sorry, {consumerName}. {brandName} will fix it.");

		for (String reader : List.of(owner, manager, agent, integration, "mod")) {
			as(reader).document(LIST).variable("slug", brand).execute()
					.path("brand.savedReplies[*].title").entityList(String.class).containsExactly("Apology", "Zebra");
		}
		for (GraphQlTester outsider : List.of(as(unique("consumer")), anonymous())) {
			outsider.document(LIST).variable("slug", brand).execute()
					.path("brand.savedReplies").entityList(Object.class).hasSize(0);
		}
	}

	@Test
	void agentsIntegrationsAndModeratorsMayNotSaveOrDelete() {
		String id = save(manager, "Thanks", "Thank you").path("saveReply.savedReply.id").entity(String.class).get();

		for (String caller : List.of(agent, integration, "mod", unique("stranger"))) {
			save(caller, "Mine", "Mine").errors().expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		}
		for (String member : List.of(agent, integration)) {
			delete(member, id).errors().expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		}
		// Someone outside the team cannot tell the saved reply exists.
		delete(unique("stranger"), id).errors().expect(error -> error.getErrorType() == ErrorType.NOT_FOUND).verify();
		anonymous().document(SAVE).variable("input", Map.of("brandId", brandId, "title", "t", "body", "b")).execute()
				.errors().expect(error -> error.getErrorType() == ErrorType.UNAUTHORIZED).verify();

		delete(owner, id).path("deleteSavedReply.userErrors").entityList(Object.class).hasSize(0);
		as(agent).document(LIST).variable("slug", brand).execute().path("brand.savedReplies").entityList(Object.class)
				.hasSize(0);
		delete(owner, id).errors().expect(error -> error.getErrorType() == ErrorType.NOT_FOUND).verify();
	}

	@Test
	void aBlankOrOverlongTitleOrBodyIsAUserError() {
		save(owner, " ", "x".repeat(10_001)).path("saveReply.savedReply").valueIsNull()
				.path("saveReply.userErrors[*].field").entityList(String.class).containsExactly("title", "body");
	}

	@Test
	void aPostedReplyHasItsPlaceholdersFilledAndEachChangeIsLogged() {
		String consumer = unique("consumer");
		String complaint = fileComplaint(consumer, brand, "Late", "Still waiting");
		String body = save(manager, "Apology", "Sorry, {consumerName}. {brandName} will fix it.")
				.path("saveReply.savedReply.body").entity(String.class).get();
		String consumerName = as(consumer).document("query($id: ID!) { complaint(id: $id) { author { publicName } } }")
				.variable("id", complaint).execute().path("complaint.author.publicName").entity(String.class).get();

		as(agent).documentName("postMessage").variable("input", Map.of("complaintId", complaint, "body", body,
				"visibility", "PUBLIC")).execute()
				.path("postMessage.message.body").entity(String.class)
				.isEqualTo("Sorry, " + consumerName + ". " + brand + " will fix it.");
		assertThat(db.sql("""
				SELECT count(*) FROM events e JOIN brands b ON b.id = e.brand_id
				WHERE b.slug = :slug AND e.type = 'SAVED_REPLY_SAVED'""").bind("slug", brand)
				.map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);
	}

	private GraphQlTester.Response save(String caller, String title, String body) {
		return as(caller).document(SAVE).variable("input", Map.of("brandId", brandId, "title", title, "body", body))
				.execute();
	}

	private GraphQlTester.Response delete(String caller, String id) {
		return as(caller).document(DELETE).variable("input", Map.of("savedReplyId", id)).execute();
	}
}
