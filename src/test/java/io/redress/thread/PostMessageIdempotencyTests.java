package io.redress.thread;

import java.util.HashMap;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.shared.GlobalId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.graphql.test.tester.GraphQlTester;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that lost the answer to postMessage may send it again with the same idempotency key, safely. */
class PostMessageIdempotencyTests extends ApiTest {

	private String consumer;
	private String complaintId;

	@BeforeEach
	void complaint() {
		String brand = unique("brand");
		consumer = unique("consumer");
		registerBrand(unique("owner"), brand);
		complaintId = fileComplaint(consumer, brand, "Lost parcel", "Where is it?");
	}

	@Test
	void aRetryWithTheSameKeyAndMessageReturnsTheFirstMessageAndWritesNothing() {
		String first = post("Any news?", "retry-1").path("postMessage.message.id").entity(String.class).get();
		String again = post("Any news?", "retry-1").path("postMessage.message.id").entity(String.class).get();

		assertThat(again).isEqualTo(first);
		assertThat(rows("SELECT count(*) FROM messages WHERE complaint_id = :id")).isOne();
		assertThat(rows("SELECT count(*) FROM events WHERE complaint_id = :id AND type = 'MESSAGE_POSTED'")).isOne();
	}

	@Test
	void theSameKeyWithAnotherMessageIsRefusedAndWritesNothing() {
		post("Any news?", "retry-2");

		post("Something else", "retry-2").path("postMessage.userErrors[0].code").entity(String.class)
				.isEqualTo("IDEMPOTENCY_KEY_REUSED")
				.path("postMessage.message").valueIsNull();
		assertThat(rows("SELECT count(*) FROM messages WHERE complaint_id = :id")).isOne();
	}

	@Test
	void withoutAKeyEveryPostIsANewMessage() {
		post("Any news?", null);
		post("Any news?", null);

		assertThat(rows("SELECT count(*) FROM messages WHERE complaint_id = :id")).isEqualTo(2);
	}

	private GraphQlTester.Response post(String body, String key) {
		Map<String, Object> input = new HashMap<>(Map.of("complaintId", complaintId, "body", body,
				"visibility", "PUBLIC"));
		if (key != null) {
			input.put("idempotencyKey", key);
		}
		return as(consumer).documentName("postMessage").variable("input", input).execute();
	}

	private Long rows(String countSql) {
		return db.sql(countSql).bind("id", GlobalId.decode(complaintId, "Complaint").orElseThrow())
				.map(row -> row.get(0, Long.class)).one().block();
	}
}
