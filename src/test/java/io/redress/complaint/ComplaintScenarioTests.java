package io.redress.complaint;

import java.util.Map;

import io.redress.ApiTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static io.redress.complaint.Cases.act;
import static io.redress.complaint.Cases.post;
import static io.redress.complaint.Cases.view;
import static org.assertj.core.api.Assertions.assertThat;

/** The whole resolution lifecycle over HTTP with real tokens, and what everyone else sees of it. */
class ComplaintScenarioTests extends ApiTest {

	private String brand;
	private String consumer;
	private String agent;
	private String otherAgent;

	@BeforeEach
	void brandWithAnAgent() {
		brand = unique("shop");
		consumer = unique("alice");
		agent = unique("agent");
		otherAgent = unique("rival-agent");
		String owner = unique("owner");
		addMember(owner, registerBrand(owner, brand), agent, "AGENT");
		String rivalOwner = unique("rival-owner");
		addMember(rivalOwner, registerBrand(rivalOwner, unique("rival")), otherAgent, "AGENT");
	}

	@Test
	void consumerAndBrandTalkProposeRejectProposeAcceptAndRate() {
		String id = fileComplaint(consumer, brand, "Parcel lost, call me on +44 20 7946 0958",
				"Write to me at alice@example.com", "ORDER-77");

		String privateMessage = post(as(agent), id, "Which address did you use?", "PRIVATE")
				.path("postMessage.complaint.status").entity(String.class).isEqualTo("IN_PROGRESS")
				.path("postMessage.complaint.firstResponseAt").hasValue()
				.path("postMessage.message.authorKind").entity(String.class).isEqualTo("BRAND")
				.path("postMessage.message.id").entity(String.class).get();
		post(as(agent), id, "We are looking into it; reach us at help@shop.example", "PUBLIC")
				.path("postMessage.userErrors").entityList(Object.class).hasSize(0);
		post(as(consumer), id, "12 Main Street", "PRIVATE")
				.path("postMessage.message.authorKind").entity(String.class).isEqualTo("CONSUMER");

		act(as(agent), "proposeResolution", id, Map.of("kind", "REFUND", "summary", "A full refund"))
				.path("proposeResolution.complaint.status").entity(String.class).isEqualTo("RESOLUTION_PROPOSED");
		act(as(consumer), "rejectResolution", id, Map.of("reason", "I want the parcel"))
				.path("rejectResolution.complaint.status").entity(String.class).isEqualTo("IN_PROGRESS")
				.path("rejectResolution.complaint.resolution.status").entity(String.class).isEqualTo("REJECTED");
		act(as(agent), "proposeResolution", id, Map.of("kind", "REPLACEMENT", "summary", "A new parcel tomorrow"))
				.path("proposeResolution.complaint.resolution.kind").entity(String.class).isEqualTo("REPLACEMENT");
		act(as(consumer), "acceptResolution", id)
				.path("acceptResolution.complaint.status").entity(String.class).isEqualTo("RESOLVED")
				.path("acceptResolution.complaint.resolvedAt").hasValue();
		act(as(consumer), "rateResolution", id, Map.of("stars", 4, "wouldBuyAgain", true, "comment", "Quick fix"))
				.path("rateResolution.complaint.rating.stars").entity(Integer.class).isEqualTo(4);

		view(as(consumer), id)
				.path("complaint.orderReference").entity(String.class).isEqualTo("ORDER-77")
				.path("complaint.messages.nodes").entityList(Object.class).hasSize(3);
		view(as(agent), id)
				.path("complaint.orderReference").entity(String.class).isEqualTo("ORDER-77")
				.path("complaint.description").entity(String.class).isEqualTo("Write to me at alice@example.com")
				.path("complaint.messages.nodes").entityList(Object.class).hasSize(3);
		view(as("mod"), id).path("complaint.messages.nodes").entityList(Object.class).hasSize(3);

		for (GraphQlTester outsider : new GraphQlTester[] { as(unique("bob")), anonymous(), as(otherAgent) }) {
			view(outsider, id)
					.path("complaint.status").entity(String.class).isEqualTo("RESOLVED")
					.path("complaint.title").entity(String.class).isEqualTo("Parcel lost, call me on [hidden]")
					.path("complaint.description").entity(String.class).isEqualTo("Write to me at [hidden]")
					.path("complaint.orderReference").valueIsNull()
					.path("complaint.assignee").valueIsNull()
					.path("complaint.messages.nodes[*].visibility").entityList(String.class).containsExactly("PUBLIC")
					.path("complaint.messages.nodes[0].body").entity(String.class)
					.isEqualTo("We are looking into it; reach us at [hidden]")
					.path("complaint.rating.stars").entity(Integer.class).isEqualTo(4);
			outsider.document("query($id: ID!) { node(id: $id) { id } }").variable("id", privateMessage).execute()
					.path("node").valueIsNull();
		}
		as(consumer).document("query($id: ID!) { node(id: $id) { ... on Message { body } } }")
				.variable("id", privateMessage).execute()
				.path("node.body").entity(String.class).isEqualTo("Which address did you use?");
	}

	@Test
	void complaintAgainstABrandNotOnTheplatformCreatesItUnclaimed() {
		String name = unique("newco");
		as(consumer).documentName("fileComplaint").variable("input", Map.of(
				"newBrand", Map.of("name", name, "website", "https://www." + name + ".example/contact"),
				"title", "Never delivered", "description", "Paid, nothing came", "category", "DELIVERY"))
				.execute()
				.path("fileComplaint.complaint.brand.slug").entity(String.class).isEqualTo(name)
				.path("fileComplaint.complaint.brand.status").entity(String.class).isEqualTo("UNCLAIMED");

		as(unique("second")).documentName("fileComplaint").variable("input", Map.of(
				"newBrand", Map.of("name", name.toUpperCase(), "website", name + ".example"),
				"title", "Me too", "description", "Same here", "category", "DELIVERY"))
				.execute()
				.path("fileComplaint.complaint.brand.slug").entity(String.class).isEqualTo(name);
		assertThat(db.sql("SELECT count(*) FROM brands WHERE domain = :domain").bind("domain", name + ".example")
				.map(row -> row.get(0, Long.class)).one().block()).isEqualTo(1);
	}

	@Test
	void withdrawnComplaintLooksMissingToEveryoneButItsParticipants() {
		String id = fileComplaint(consumer, brand, "Wrong size", "Sent an M, ordered an L");
		act(as(consumer), "withdrawComplaint", id)
				.path("withdrawComplaint.complaint.status").entity(String.class).isEqualTo("WITHDRAWN");

		view(anonymous(), id).path("complaint").valueIsNull();
		view(as(unique("bob")), id).path("complaint").valueIsNull();
		view(as(agent), id).path("complaint.status").entity(String.class).isEqualTo("WITHDRAWN");
		view(as(consumer), id).path("complaint.status").entity(String.class).isEqualTo("WITHDRAWN");
	}

}
