package io.redress.complaint;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.redress.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.test.tester.GraphQlTester;

import static io.redress.complaint.Cases.act;
import static io.redress.complaint.Cases.post;
import static org.assertj.core.api.Assertions.assertThat;

/** Every complaint mutation by every kind of caller: only the allowed cells succeed, the others change nothing. */
class ComplaintRightsTests extends ApiTest {

	enum Caller {
		ANONYMOUS, CONSUMER, OTHER_CONSUMER, AGENT, OTHER_BRANDS_AGENT, MODERATOR
	}

	/** Each mutation, the state it needs, and who may run it. */
	enum Action {
		POST_MESSAGE(Set.of(Caller.CONSUMER, Caller.AGENT)),
		PROPOSE(Set.of(Caller.AGENT)),
		ACCEPT(Set.of(Caller.CONSUMER)),
		REJECT(Set.of(Caller.CONSUMER)),
		GIVE_UP(Set.of(Caller.CONSUMER)),
		WITHDRAW(Set.of(Caller.CONSUMER)),
		REOPEN(Set.of(Caller.CONSUMER)),
		RATE(Set.of(Caller.CONSUMER)),
		ASSIGN_TO_SELF(Set.of(Caller.AGENT));

		final Set<Caller> allowed;

		Action(Set<Caller> allowed) {
			this.allowed = allowed;
		}
	}

	static Stream<Arguments> everyCell() {
		return Stream.of(Action.values())
				.flatMap(action -> Stream.of(Caller.values()).map(caller -> Arguments.of(action, caller)));
	}

	private String brand;
	private String consumer;
	private String agent;
	private String otherAgent;

	@BeforeEach
	void brandsAndPeople() {
		brand = unique("rights");
		consumer = unique("consumer");
		agent = unique("agent");
		otherAgent = unique("other-agent");
		String owner = unique("owner");
		addMember(owner, registerBrand(owner, brand), agent, "AGENT");
		String otherOwner = unique("other-owner");
		addMember(otherOwner, registerBrand(otherOwner, unique("other")), otherAgent, "AGENT");
	}

	@ParameterizedTest(name = "{0} by {1}")
	@MethodSource("everyCell")
	void onlyTheAllowedCallersMayActOnAComplaint(Action action, Caller caller) {
		String id = complaintReadyFor(action);
		String statusBefore = status(id);

		GraphQlTester.Response response = run(action, tester(caller), id);

		if (action.allowed.contains(caller)) {
			response.errors().verify().path(field(action) + ".userErrors").entityList(Object.class).hasSize(0);
		}
		else {
			ErrorType expected = caller == Caller.ANONYMOUS ? ErrorType.UNAUTHORIZED : ErrorType.FORBIDDEN;
			response.errors().expect(error -> error.getErrorType() == expected).verify();
			assertThat(status(id)).isEqualTo(statusBefore);
		}
	}

	private String complaintReadyFor(Action action) {
		String id = fileComplaint(consumer, brand, "Broken kettle", "It leaks");
		switch (action) {
			case ACCEPT, REJECT -> propose(id);
			case REOPEN, RATE -> {
				propose(id);
				act(as(consumer), "acceptResolution", id).path("acceptResolution.userErrors").entityList(Object.class)
						.hasSize(0);
			}
			case GIVE_UP, PROPOSE, ASSIGN_TO_SELF -> post(as(agent), id, "Hello", "PUBLIC");
			default -> {
			}
		}
		return id;
	}

	private void propose(String id) {
		act(as(agent), "proposeResolution", id, Map.of("kind", "REPAIR", "summary", "We fix it"))
				.path("proposeResolution.userErrors").entityList(Object.class).hasSize(0);
	}

	private static GraphQlTester.Response run(Action action, GraphQlTester caller, String id) {
		return switch (action) {
			case POST_MESSAGE -> post(caller, id, "A message", "PUBLIC");
			case PROPOSE -> act(caller, "proposeResolution", id, Map.of("kind", "CREDIT", "summary", "A voucher"));
			case ACCEPT -> act(caller, "acceptResolution", id);
			case REJECT -> act(caller, "rejectResolution", id, Map.of("reason", "Not enough"));
			case GIVE_UP -> act(caller, "giveUpComplaint", id);
			case WITHDRAW -> act(caller, "withdrawComplaint", id);
			case REOPEN -> act(caller, "reopenComplaint", id);
			case RATE -> act(caller, "rateResolution", id, Map.of("stars", 3, "wouldBuyAgain", false));
			case ASSIGN_TO_SELF -> act(caller, "assignComplaint", id);
		};
	}

	private static String field(Action action) {
		return switch (action) {
			case POST_MESSAGE -> "postMessage";
			case PROPOSE -> "proposeResolution";
			case ACCEPT -> "acceptResolution";
			case REJECT -> "rejectResolution";
			case GIVE_UP -> "giveUpComplaint";
			case WITHDRAW -> "withdrawComplaint";
			case REOPEN -> "reopenComplaint";
			case RATE -> "rateResolution";
			case ASSIGN_TO_SELF -> "assignComplaint";
		};
	}

	private String status(String id) {
		return as(consumer).document("query($id: ID!) { complaint(id: $id) { status } }").variable("id", id).execute()
				.path("complaint.status").entity(String.class).get();
	}

	private GraphQlTester tester(Caller caller) {
		return switch (caller) {
			case ANONYMOUS -> anonymous();
			case CONSUMER -> as(consumer);
			case OTHER_CONSUMER -> as(unique("bob"));
			case AGENT -> as(agent);
			case OTHER_BRANDS_AGENT -> as(otherAgent);
			case MODERATOR -> as("mod");
		};
	}

}
