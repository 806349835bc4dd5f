package io.redress.brand;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.shared.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Joining a brand's team takes the member's consent: an owner or manager invites, the invitee accepts or declines. */
class BrandInvitationTests extends ApiTest {

	private String slug;
	private String brandId;
	private String owner;
	private String manager;
	private String agent;

	@BeforeEach
	void brandWithATeam() {
		slug = unique("inviting");
		owner = unique("owner");
		manager = unique("manager");
		agent = unique("agent");
		brandId = registerBrand(owner, slug);
		addMember(owner, brandId, manager, "MANAGER");
		addMember(owner, brandId, agent, "AGENT");
	}

	@Test
	void anInvitationIsListedForTheInviteeAndForTheBrandsOwnersAndManagers() {
		String invitee = unique("carol");
		GraphQlTester.Response invited = invite(manager, brandId, invitee, "AGENT");
		OffsetDateTime expiresAt = OffsetDateTime.parse(
				invited.path("addBrandMember.invitation.expiresAt").entity(String.class).get());
		assertThat(expiresAt).isCloseTo(OffsetDateTime.now().plusDays(14), within(Duration.ofMinutes(5)));
		invited.path("addBrandMember.member").valueIsNull()
				.path("addBrandMember.invitation.brand.slug").entity(String.class).isEqualTo(slug);

		mine(invitee).path("viewer.brandInvitations.nodes[*].brand.slug").entityList(String.class).containsExactly(slug)
				.path("viewer.brandInvitations.nodes[0].role").entity(String.class).isEqualTo("AGENT");
		for (String insider : List.of(owner, manager, "mod")) {
			invitations(insider).path("brand.invitations[*].subject").entityList(String.class).containsExactly(invitee);
		}
		for (String outsider : List.of(agent, invitee, unique("stranger"))) {
			invitations(outsider).path("brand.invitations").entityList(Object.class).hasSize(0);
		}
		anonymous().documentName("brandInvitations").operationName("brandInvitations").variable("slug", slug).execute()
				.path("brand.invitations").entityList(Object.class).hasSize(0);
	}

	@Test
	void acceptingMakesTheInviteeAMemberWithTheRoleOffered() {
		String invitee = unique("carol");
		invite(owner, brandId, invitee, "MANAGER");

		accept(invitee, brandId).path("acceptBrandInvitation.userErrors").entityList(Object.class).hasSize(0)
				.path("acceptBrandInvitation.member.subject").entity(String.class).isEqualTo(invitee)
				.path("acceptBrandInvitation.member.role").entity(String.class).isEqualTo("MANAGER")
				.path("acceptBrandInvitation.brand.viewerRole").entity(String.class).isEqualTo("MANAGER");
		mine(invitee).path("viewer.brandInvitations.nodes").entityList(Object.class).hasSize(0);
		invitations(owner).path("brand.invitations").entityList(Object.class).hasSize(0)
				.path("brand.members[*].subject").entityList(String.class).contains(invitee);
		accept(invitee, brandId).path("acceptBrandInvitation.userErrors[0].code").entity(String.class)
				.isEqualTo("NOT_INVITED");
		assertThat(teamEvents()).containsExactly("MEMBER_INVITED", "INVITATION_ACCEPTED", "MEMBER_INVITED",
				"INVITATION_ACCEPTED", "MEMBER_INVITED", "INVITATION_ACCEPTED");
	}

	@Test
	void decliningLeavesTheTeamAsItWas() {
		String invitee = unique("carol");
		invite(owner, brandId, invitee, "AGENT");

		as(invitee).documentName("declineBrandInvitation").variable("input", Map.of("brandId", brandId)).execute()
				.path("declineBrandInvitation.userErrors").entityList(Object.class).hasSize(0)
				.path("declineBrandInvitation.brand.viewerRole").valueIsNull();
		invitations(owner).path("brand.invitations").entityList(Object.class).hasSize(0)
				.path("brand.members[*].subject").entityList(String.class).doesNotContain(invitee);
		accept(invitee, brandId).path("acceptBrandInvitation.userErrors[0].code").entity(String.class)
				.isEqualTo("NOT_INVITED");
		assertThat(teamEvents()).endsWith("MEMBER_INVITED", "INVITATION_DECLINED");
	}

	@Test
	void ownersAndManagersWithdrawAPendingInvitationByTheRightsOfItsRole() {
		String invitee = unique("carol");
		String futureOwner = unique("dave");
		invite(manager, brandId, invitee, "AGENT");
		invite(owner, brandId, futureOwner, "OWNER");

		for (String outsider : List.of(agent, unique("stranger"))) {
			remove(outsider, invitee).errors().expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		}
		remove(manager, futureOwner).errors().expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		remove(invitee, invitee).path("removeBrandMember.userErrors[0].code").entity(String.class)
				.isEqualTo("NOT_A_MEMBER");
		remove(manager, invitee).path("removeBrandMember.userErrors").entityList(Object.class).hasSize(0);
		remove(owner, futureOwner).path("removeBrandMember.userErrors").entityList(Object.class).hasSize(0);

		invitations(owner).path("brand.invitations").entityList(Object.class).hasSize(0);
		accept(invitee, brandId).path("acceptBrandInvitation.userErrors[0].code").entity(String.class)
				.isEqualTo("NOT_INVITED");
		assertThat(teamEvents()).endsWith("INVITATION_WITHDRAWN", "INVITATION_WITHDRAWN");
	}

	@Test
	void anExpiredInvitationCannotBeAnsweredAndTheBrandMayInviteAgain() {
		String invitee = unique("carol");
		invite(owner, brandId, invitee, "AGENT");
		expire(invitee);

		mine(invitee).path("viewer.brandInvitations.nodes").entityList(Object.class).hasSize(0);
		invitations(owner).path("brand.invitations").entityList(Object.class).hasSize(0);
		accept(invitee, brandId).path("acceptBrandInvitation.userErrors[0].code").entity(String.class)
				.isEqualTo("INVITATION_EXPIRED");
		as(invitee).documentName("declineBrandInvitation").variable("input", Map.of("brandId", brandId)).execute()
				.path("declineBrandInvitation.userErrors[0].code").entity(String.class).isEqualTo("INVITATION_EXPIRED");
		invitations(owner).path("brand.members[*].subject").entityList(String.class).doesNotContain(invitee);

		invite(owner, brandId, invitee, "AGENT");
		assertThat(teamEvents()).endsWith("MEMBER_INVITED", "INVITATION_EXPIRED", "MEMBER_INVITED");
		accept(invitee, brandId).path("acceptBrandInvitation.member.role").entity(String.class).isEqualTo("AGENT");
	}

	@Test
	void aSubjectHasOnePendingInvitationPerBrandAndABrandAtMostFifty() {
		String invitee = unique("carol");
		invite(owner, brandId, invitee, "AGENT");
		add(owner, invitee, "MANAGER").path("addBrandMember.userErrors[0].code").entity(String.class)
				.isEqualTo("ALREADY_INVITED");
		db.sql("""
				INSERT INTO brand_invitations (brand_id, subject, role, invited_by, expires_at)
				SELECT :brandId, 'bulk-' || n, 'AGENT', :owner, now() + interval '1 day' FROM generate_series(2, 50) n""")
				.bind("brandId", id()).bind("owner", owner).fetch().rowsUpdated().block();

		add(owner, unique("one-too-many"), "AGENT").path("addBrandMember.userErrors[0].code").entity(String.class)
				.isEqualTo("TOO_MANY_INVITATIONS")
				.path("addBrandMember.invitation").valueIsNull();
		invitations(owner).path("brand.invitations").entityList(Object.class).hasSize(50);
	}

	@Test
	void changingAMembersRoleNeedsNoConsent() {
		add(owner, agent, "MANAGER").path("addBrandMember.invitation").valueIsNull()
				.path("addBrandMember.member.role").entity(String.class).isEqualTo("MANAGER");
		assertThat(teamEvents()).last().isEqualTo("MEMBER_ROLE_CHANGED");
	}

	@Test
	void anInviteeHasNoMemberRightsUntilTheyAccept() {
		String consumer = unique("consumer");
		String complaintId = fileComplaint(consumer, slug, "Broken", "It broke", "ORDER-7");
		String invitee = unique("carol");
		invite(owner, brandId, invitee, "OWNER");

		invitations(invitee).path("brand.viewerRole").valueIsNull().path("brand.members").entityList(Object.class)
				.hasSize(0);
		privateParts(invitee, complaintId).path("complaint.orderReference").valueIsNull()
				.path("complaint.messages.nodes").entityList(Object.class).hasSize(0);
		forbidden(perform(invitee, "proposeResolution", complaintId, Map.of("kind", "REFUND", "summary", "Refund")));
		forbidden(perform(invitee, "assignComplaint", complaintId));
		forbidden(as(invitee).documentName("postMessage").variable("input",
				Map.of("complaintId", complaintId, "body", "Hello from the brand", "visibility", "PRIVATE")).execute());
		forbidden(add(invitee, unique("friend"), "AGENT"));
		forbidden(as(invitee).documentName("updateBrandSettings")
				.variable("input", Map.of("brandId", brandId, "responseTargetHours", 5)).execute());
		StepVerifier.create(subscribe(issuer().token(invitee),
				"subscription($id: ID!) { brandEvents(brandId: $id) { type } }", Map.of("id", brandId), "brandEvents"))
				.expectErrorMatches(error -> error.getMessage().contains("FORBIDDEN"))
				.verify(Duration.ofSeconds(10));

		accept(invitee, brandId);
		privateParts(invitee, complaintId).path("complaint.orderReference").entity(String.class).isEqualTo("ORDER-7")
				.path("complaint.messages.nodes[0].visibility").entity(String.class).isEqualTo("PRIVATE");
	}

	@Test
	void anIntegrationAcceptsWithItsClientCredentialsToken() {
		String clientId = unique("helpdesk");
		invite(owner, brandId, clientId, "INTEGRATION");
		String token = http().mutate().baseUrl(issuer().issuerUri()).build().post().uri("/token")
				.contentType(MediaType.APPLICATION_FORM_URLENCODED)
				.bodyValue("grant_type=client_credentials&client_id=" + clientId).exchange()
				.expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody()
				.get("access_token").toString();

		withToken(token).documentName("brandInvitations").operationName("viewerInvitations").execute()
				.path("viewer.brandInvitations.nodes[0].role").entity(String.class).isEqualTo("INTEGRATION");
		withToken(token).documentName("acceptBrandInvitation").variable("input", Map.of("brandId", brandId)).execute()
				.path("acceptBrandInvitation.member.role").entity(String.class).isEqualTo("INTEGRATION");
		invitations(owner).path("brand.members[?(@.subject == '" + clientId + "')].role").entityList(String.class)
				.containsExactly("INTEGRATION");
	}

	@Test
	void theInviteesListIsPagedNewestFirst() {
		String invitee = unique("carol");
		List<String> slugs = new java.util.ArrayList<>();
		for (int i = 0; i < 3; i++) {
			String other = unique("brand");
			invite(owner, registerBrand(owner, other), invitee, "AGENT");
			slugs.add(0, other);
		}
		GraphQlTester.Response first = as(invitee).documentName("brandInvitations").operationName("viewerInvitations")
				.variable("first", 2).execute();
		first.path("viewer.brandInvitations.nodes[*].brand.slug").entityList(String.class)
				.containsExactly(slugs.get(0), slugs.get(1))
				.path("viewer.brandInvitations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(true);
		String cursor = first.path("viewer.brandInvitations.pageInfo.endCursor").entity(String.class).get();
		as(invitee).documentName("brandInvitations").operationName("viewerInvitations").variable("first", 2)
				.variable("after", cursor).execute()
				.path("viewer.brandInvitations.nodes[*].brand.slug").entityList(String.class).containsExactly(slugs.get(2))
				.path("viewer.brandInvitations.pageInfo.hasNextPage").entity(Boolean.class).isEqualTo(false);
	}

	private GraphQlTester.Response mine(String subject) {
		return as(subject).documentName("brandInvitations").operationName("viewerInvitations").execute();
	}

	private GraphQlTester.Response invitations(String viewer) {
		return as(viewer).documentName("brandInvitations").operationName("brandInvitations").variable("slug", slug)
				.execute();
	}

	private GraphQlTester.Response privateParts(String viewer, String complaintId) {
		as(owner).documentName("postMessage").variable("input",
				Map.of("complaintId", complaintId, "body", "Your address, please?", "visibility", "PRIVATE")).execute();
		return as(viewer).documentName("complaintView").variable("id", complaintId).execute();
	}

	private GraphQlTester.Response add(String caller, String subject, String role) {
		return as(caller).documentName("addBrandMember")
				.variable("input", Map.of("brandId", brandId, "subject", subject, "role", role)).execute();
	}

	private GraphQlTester.Response remove(String caller, String subject) {
		return as(caller).documentName("removeBrandMember")
				.variable("input", Map.of("brandId", brandId, "subject", subject)).execute();
	}

	private static void forbidden(GraphQlTester.Response response) {
		response.errors().expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
	}

	private long id() {
		return GlobalId.decode(brandId, Brand.TYPE).orElseThrow();
	}

	private void expire(String invitee) {
		db.sql("UPDATE brand_invitations SET expires_at = now() - interval '1 minute' WHERE brand_id = :brandId AND subject = :subject")
				.bind("brandId", id()).bind("subject", invitee).fetch().rowsUpdated().block();
	}

	/** The brand's team events in the log, oldest first. */
	private List<String> teamEvents() {
		return db.sql("SELECT type FROM events WHERE brand_id = :brandId AND complaint_id IS NULL ORDER BY id")
				.bind("brandId", id()).map(row -> row.get("type", String.class)).all().collectList().block();
	}
}
