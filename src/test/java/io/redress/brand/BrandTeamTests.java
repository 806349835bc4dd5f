package io.redress.brand;

import java.time.Duration;
import java.util.Map;

import io.redress.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

class BrandTeamTests extends ApiTest {

	/** Everyone who might call, relative to one brand; the expected outcome of each mutation is a column. */
	enum Caller {
		// caller            add agent  remove agent  settings
		ANONYMOUS(ErrorType.UNAUTHORIZED, ErrorType.UNAUTHORIZED, ErrorType.UNAUTHORIZED),
		OWNER(null, null, null),
		MANAGER(null, null, null),
		AGENT(ErrorType.FORBIDDEN, ErrorType.FORBIDDEN, ErrorType.FORBIDDEN),
		INTEGRATION(ErrorType.FORBIDDEN, ErrorType.FORBIDDEN, ErrorType.FORBIDDEN),
		OTHER_BRANDS_OWNER(ErrorType.FORBIDDEN, ErrorType.FORBIDDEN, ErrorType.FORBIDDEN),
		CONSUMER(ErrorType.FORBIDDEN, ErrorType.FORBIDDEN, ErrorType.FORBIDDEN),
		MODERATOR(ErrorType.FORBIDDEN, ErrorType.FORBIDDEN, ErrorType.FORBIDDEN),
		ADMIN(null, null, null);

		final ErrorType addAgent;
		final ErrorType removeAgent;
		final ErrorType updateSettings;

		Caller(ErrorType addAgent, ErrorType removeAgent, ErrorType updateSettings) {
			this.addAgent = addAgent;
			this.removeAgent = removeAgent;
			this.updateSettings = updateSettings;
		}
	}

	private String slug;
	private String brandId;
	private String owner;
	private String manager;
	private String agent;
	private String integration;
	private String otherOwner;

	@BeforeEach
	void brandWithATeam() {
		BrandFixtures fixtures = new BrandFixtures(db);
		slug = unique("team");
		owner = unique("owner");
		manager = unique("manager");
		agent = unique("agent");
		integration = unique("helpdesk");
		otherOwner = unique("other-owner");
		brandId = registerBrand(owner, slug);
		registerBrand(otherOwner, unique("other"));
		addMember(owner, brandId, manager, "MANAGER");
		addMember(owner, brandId, agent, "AGENT");
		addMember(owner, brandId, integration, "INTEGRATION");
	}

	@ParameterizedTest
	@EnumSource(Caller.class)
	void invitingAnAgentIsForOwnersManagersAndAdmins(Caller caller) {
		String newcomer = unique("newcomer");
		GraphQlTester.Response response = add(tester(caller), newcomer, "AGENT");
		if (caller.addAgent == null) {
			response.path("addBrandMember.member").valueIsNull()
					.path("addBrandMember.invitation.subject").entity(String.class).isEqualTo(newcomer)
					.path("addBrandMember.invitation.role").entity(String.class).isEqualTo("AGENT");
			team().path("brand.members[*].subject").entityList(String.class).doesNotContain(newcomer);
			invitations().path("brand.invitations[*].subject").entityList(String.class).contains(newcomer);
		}
		else {
			response.errors().expect(error -> error.getErrorType() == caller.addAgent).verify();
			invitations().path("brand.invitations[*].subject").entityList(String.class).doesNotContain(newcomer);
		}
	}

	@ParameterizedTest
	@EnumSource(Caller.class)
	void removingAnAgentIsForOwnersManagersAndAdmins(Caller caller) {
		String colleague = unique("colleague");
		addMember(owner, brandId, colleague, "AGENT");
		GraphQlTester.Response response = remove(tester(caller), colleague);
		if (caller.removeAgent == null) {
			response.path("removeBrandMember.userErrors").entityList(Object.class).hasSize(0);
			team().path("brand.members[*].subject").entityList(String.class).doesNotContain(colleague);
		}
		else {
			response.errors().expect(error -> error.getErrorType() == caller.removeAgent).verify();
			team().path("brand.members[*].subject").entityList(String.class).contains(colleague);
		}
	}

	@ParameterizedTest
	@EnumSource(Caller.class)
	void settingsAreForOwnersManagersAndAdmins(Caller caller) {
		GraphQlTester.Response response = settings(tester(caller), Map.of("brandId", brandId, "responseTargetHours", 12));
		if (caller.updateSettings == null) {
			response.path("updateBrandSettings.brand.responseTargetHours").entity(Integer.class).isEqualTo(12);
		}
		else {
			response.errors().expect(error -> error.getErrorType() == caller.updateSettings).verify();
			anonymous().document("query($slug: String!) { brand(slug: $slug) { responseTargetHours } }")
					.variable("slug", slug).execute()
					.path("brand.responseTargetHours").entity(Integer.class).isEqualTo(48);
		}
	}

	@Test
	void managersCannotAppointOrRemoveOwnersAndManagers() {
		add(as(manager), unique("promoted"), "MANAGER").errors()
				.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		add(as(manager), agent, "OWNER").errors()
				.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		remove(as(manager), owner).errors()
				.expect(error -> error.getErrorType() == ErrorType.FORBIDDEN).verify();
		team().path("brand.members[?(@.subject == '" + owner + "')].role").entityList(String.class)
				.containsExactly("OWNER");
	}

	@Test
	void ownerChangesAMembersRole() {
		add(as(owner), agent, "MANAGER").path("addBrandMember.member.role").entity(String.class).isEqualTo("MANAGER");
		team().path("brand.members[?(@.subject == '" + agent + "')].role").entityList(String.class)
				.containsExactly("MANAGER");
	}

	@Test
	void brandNeverLosesItsLastOwner() {
		remove(as(owner), owner)
				.path("removeBrandMember.userErrors[0].code").entity(String.class).isEqualTo("LAST_OWNER");
		add(as(owner), owner, "AGENT")
				.path("addBrandMember.userErrors[0].code").entity(String.class).isEqualTo("LAST_OWNER");

		add(as(owner), manager, "OWNER");
		remove(as(owner), owner).path("removeBrandMember.userErrors").entityList(Object.class).hasSize(0);
		as(manager).documentName("brandTeam").variable("slug", slug).execute().path("brand.members[?(@.role == 'OWNER')].subject").entityList(String.class).containsExactly(manager);
	}

	@Test
	void twoOwnersRemovingEachOtherAtOnceLeaveOneOwner() {
		add(as(owner), manager, "OWNER");
		Flux.merge(
				Mono.fromRunnable(() -> remove(as(owner), manager)).subscribeOn(Schedulers.boundedElastic()),
				Mono.fromRunnable(() -> remove(as(manager), owner)).subscribeOn(Schedulers.boundedElastic()))
				.then().block(Duration.ofSeconds(30));

		as("mod").documentName("brandTeam").variable("slug", slug).execute()
				.path("brand.members[?(@.role == 'OWNER')]").entityList(Object.class).hasSize(1);
	}

	@Test
	void anyMemberMayLeave() {
		remove(as(agent), agent).path("removeBrandMember.userErrors").entityList(Object.class).hasSize(0);
		team().path("brand.members[*].subject").entityList(String.class).doesNotContain(agent);
	}

	@Test
	void removingSomeoneWhoIsNotAMemberIsAUserError() {
		remove(as(owner), unique("nobody"))
				.path("removeBrandMember.userErrors[0].code").entity(String.class).isEqualTo("NOT_A_MEMBER");
	}

	@Test
	void badMemberAndSettingsInputChangesNothing() {
		add(as(owner), "has space", "AGENT").path("addBrandMember.userErrors[0].code").entity(String.class)
				.isEqualTo("INVALID");
		add(as(owner), "", "AGENT").path("addBrandMember.userErrors[0].code").entity(String.class).isEqualTo("BLANK");
		add(as(owner), "x".repeat(256), "AGENT").path("addBrandMember.userErrors[0].code").entity(String.class)
				.isEqualTo("TOO_LONG");
		settings(as(owner), Map.of("brandId", brandId, "responseTargetHours", 0))
				.path("updateBrandSettings.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
		settings(as(owner), Map.of("brandId", brandId, "responseTargetHours", 721))
				.path("updateBrandSettings.userErrors[0].code").entity(String.class).isEqualTo("OUT_OF_RANGE");
		settings(as(owner), Map.of("brandId", brandId, "description", "d".repeat(2001)))
				.path("updateBrandSettings.userErrors[0].code").entity(String.class).isEqualTo("TOO_LONG");
		add(as(owner), unique("ghost"), "AGENT").path("addBrandMember.invitation").hasValue();
		settings(as(owner), Map.of("brandId", "QnJhbmQ6OTk5OTk5OTk5", "responseTargetHours", 5)).errors()
				.expect(error -> error.getErrorType() == ErrorType.NOT_FOUND).verify();
		team().path("brand.members").entityList(Object.class).hasSize(4);
		invitations().path("brand.invitations").entityList(Object.class).hasSize(1);
	}

	@Test
	void teamIsVisibleToMembersAndModeratorsOnly() {
		for (GraphQlTester insider : new GraphQlTester[] { as(agent), as(integration), as("mod") }) {
			insider.documentName("brandTeam").variable("slug", slug).execute()
					.path("brand.members").entityList(Object.class).hasSize(4);
		}
		for (GraphQlTester outsider : new GraphQlTester[] { anonymous(), as(otherOwner), as(unique("consumer")) }) {
			outsider.documentName("brandTeam").variable("slug", slug).execute()
					.path("brand.members").entityList(Object.class).hasSize(0)
					.path("brand.viewerRole").valueIsNull();
		}
	}

	private GraphQlTester tester(Caller caller) {
		return switch (caller) {
			case ANONYMOUS -> anonymous();
			case OWNER -> as(owner);
			case MANAGER -> as(manager);
			case AGENT -> as(agent);
			case INTEGRATION -> as(integration);
			case OTHER_BRANDS_OWNER -> as(otherOwner);
			case CONSUMER -> as(unique("consumer"));
			case MODERATOR -> as("mod");
			case ADMIN -> as("admin");
		};
	}

	private GraphQlTester.Response team() {
		return as(owner).documentName("brandTeam").variable("slug", slug).execute();
	}

	private GraphQlTester.Response invitations() {
		return as(owner).documentName("brandInvitations").operationName("brandInvitations").variable("slug", slug)
				.execute();
	}

	private GraphQlTester.Response add(GraphQlTester tester, String subject, String role) {
		return tester.documentName("addBrandMember")
				.variable("input", Map.of("brandId", brandId, "subject", subject, "role", role)).execute();
	}

	private GraphQlTester.Response remove(GraphQlTester tester, String subject) {
		return tester.documentName("removeBrandMember")
				.variable("input", Map.of("brandId", brandId, "subject", subject)).execute();
	}

	@Test
	void contactDetailsInADescriptionAreHiddenFromEveryoneButTheTeamAndModerators() {
		settings(as(owner), Map.of("brandId", brandId, "description", "Call us on +1 555 010 7788"))
				.path("updateBrandSettings.userErrors").entityList(Object.class).hasSize(0);
		String query = "query($slug: String!) { brand(slug: $slug) { description } }";

		anonymous().document(query).variable("slug", slug).execute()
				.path("brand.description").entity(String.class).isEqualTo("Call us on [hidden]");
		as(otherOwner).document(query).variable("slug", slug).execute()
				.path("brand.description").entity(String.class).isEqualTo("Call us on [hidden]");
		as(agent).document(query).variable("slug", slug).execute()
				.path("brand.description").entity(String.class).isEqualTo("Call us on +1 555 010 7788");
		withToken(issuer().tokenWithRoles(unique("mod"), "moderator")).document(query).variable("slug", slug).execute()
				.path("brand.description").entity(String.class).isEqualTo("Call us on +1 555 010 7788");
	}

	private static GraphQlTester.Response settings(GraphQlTester tester, Map<String, Object> input) {
		return tester.documentName("updateBrandSettings").variable("input", input).execute();
	}
}
