package io.redress.thread;

import java.time.Duration;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.shared.GlobalId;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

class ProposalExpiryTests extends ApiTest {

	@Autowired
	ProposalExpiry expiry;

	@Test
	void proposalUnansweredForFourteenDaysIsAcceptedWithASystemMessage() {
		String owner = unique("owner");
		String brand = unique("expiry");
		registerBrand(owner, brand);
		String consumer = unique("consumer");
		String id = fileComplaint(consumer, brand, "Late", "Late again");
		String fresh = fileAndPropose(consumer, owner, brand);
		as(owner).documentName("lifecycle").operationName("proposeResolution")
				.variable("input", Map.of("complaintId", id, "kind", "CREDIT", "summary", "A voucher")).execute();
		db.sql("UPDATE proposals SET proposed_at = now() - interval '15 days' WHERE complaint_id = :id")
				.bind("id", GlobalId.decode(id, "Complaint").orElseThrow()).then().block();

		expiry.acceptExpired().block(Duration.ofSeconds(30));

		as(consumer).document("""
				query($id: ID!) { complaint(id: $id) { status resolution { status }
				  messages { nodes { authorKind authorName body } } } }""")
				.variable("id", id).execute()
				.path("complaint.status").entity(String.class).isEqualTo("RESOLVED")
				.path("complaint.resolution.status").entity(String.class).isEqualTo("ASSUMED_ACCEPTED")
				.path("complaint.messages.nodes[0].authorKind").entity(String.class).isEqualTo("SYSTEM")
				.path("complaint.messages.nodes[0].body").entity(String.class).isEqualTo(ProposalExpiry.NOTICE);
		as(consumer).document("query($id: ID!) { complaint(id: $id) { status } }").variable("id", fresh).execute()
				.path("complaint.status").entity(String.class).isEqualTo("RESOLUTION_PROPOSED");
	}

	private String fileAndPropose(String consumer, String owner, String brand) {
		String id = fileComplaint(consumer, brand, "Fresh", "Fresh");
		as(owner).documentName("lifecycle").operationName("proposeResolution")
				.variable("input", Map.of("complaintId", id, "kind", "REFUND", "summary", "Refund")).execute()
				.path("proposeResolution.userErrors").entityList(Object.class).hasSize(0);
		return id;
	}
}
