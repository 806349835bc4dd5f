package io.redress.complaint;

import java.util.Map;

import io.redress.ApiTest;
import org.junit.jupiter.api.Test;

import static io.redress.complaint.Cases.post;

/**
 * Internal notes stay the filing brand's: a partner brought into the case reads the whole thread but the brand's
 * notes, by any read (the thread, {@code node}), as the consumer does not either.
 */
class PartnerNotesTests extends ApiTest {

	private static final String THREAD = """
			query($id: ID!) { complaint(id: $id) { messages(first: 20) { nodes { body visibility } } latestMessages { body } } }""";

	@Test
	void aPartnersMembersNeverReadTheBrandsInternalNotes() {
		Team shop = team(unique("shop"), "AGENT");
		Team courier = team(unique("courier"), "AGENT");
		String consumer = unique("consumer");
		String complaintId = fileComplaint(consumer, shop.slug(), "Parcel never came", "Tracking says delivered");
		as(shop.member("AGENT")).documentName("partners").operationName("involvePartner")
				.variable("input", Map.of("complaintId", complaintId, "partnerBrandSlug", courier.slug())).execute()
				.path("involvePartner.userErrors").entityList(Object.class).hasSize(0);
		String noteId = post(as(shop.member("AGENT")), complaintId, "The courier lost three parcels this week", "INTERNAL")
				.path("postMessage.message.id").entity(String.class).get();
		post(as(shop.member("AGENT")), complaintId, "We asked the courier", "PUBLIC");

		as(courier.member("AGENT")).document(THREAD).variable("id", complaintId).execute()
				.path("complaint.messages.nodes[*].body").entityList(String.class).containsExactly("We asked the courier")
				.path("complaint.latestMessages[*].body").entityList(String.class).containsExactly("We asked the courier");
		as(courier.member("AGENT")).document("query($id: ID!) { node(id: $id) { id } }").variable("id", noteId)
				.execute().path("node").valueIsNull();
		as(shop.member("AGENT")).document(THREAD).variable("id", complaintId).execute()
				.path("complaint.messages.nodes[*].body").entityList(String.class)
				.containsExactly("The courier lost three parcels this week", "We asked the courier");
	}
}
