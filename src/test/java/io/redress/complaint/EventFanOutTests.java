package io.redress.complaint;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.redress.ApiTest;
import io.redress.realtime.EventCursor;
import io.redress.testing.StatementCounting;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The cost of a live event grows with its audiences, not its subscribers: the nested fields of an event (its
 * message, its complaint and the complaint's brand) are read once for all anonymous subscribers, as many statements
 * for 20 of them as for one, while each audience still receives exactly what its rights allow.
 */
@Import(StatementCounting.class)
@TestPropertySource(properties = StatementCounting.NO_BACKGROUND_WORK)
class EventFanOutTests extends ApiTest {

	private static final String EVENTS = """
			subscription($id: ID!, $after: String) {
			  complaintEvents(complaintId: $id, after: $after) {
			    cursor type message { id body visibility } complaint { title orderReference brand { name } }
			  }
			}""";

	@Autowired
	private StatementCounting.StatementCounter statements;

	private final List<Disposable> subscriptions = new ArrayList<>();

	@AfterEach
	void unsubscribe() {
		subscriptions.forEach(Disposable::dispose);
		statements.countOn();
	}

	@Test
	void anEventCostsAsManyStatementsForTwentyAnonymousSubscribersAsForOne() {
		int one = statementsForAPublicMessage(1);
		int twenty = statementsForAPublicMessage(20);

		assertThat(twenty).isEqualTo(one);
	}

	@Test
	void eachAudienceReceivesWhatItsRightsAllowFromTheSameEvents() {
		Fixture fixture = fixture();
		List<List<Map<String, Object>>> anonymous = follow(fixture, null, 5);
		List<Map<String, Object>> consumer = follow(fixture, issuer().token(fixture.consumer), 1).get(0);
		List<Map<String, Object>> agent = follow(fixture, issuer().token(fixture.agent), 1).get(0);

		post(fixture, "Private: which address?", "PRIVATE");
		post(fixture, "Public: write to help@shop.example", "PUBLIC");

		eventually(() -> consumer.size() + agent.size(), received -> received == 2 * 3);
		eventually(() -> anonymous.stream().mapToInt(List::size).sum(), received -> received == 5 * 2);
		for (List<Map<String, Object>> events : anonymous) {
			Map<String, Object> message = events.get(1);
			assertThat(field(message, "message", "body")).isEqualTo("Public: write to [hidden]");
			assertThat(field(message, "complaint", "title")).isEqualTo("Call me on [hidden]");
			assertThat(field(message, "complaint", "orderReference")).isNull();
		}
		for (List<Map<String, Object>> events : List.of(consumer, agent)) {
			assertThat(events).extracting(event -> field(event, "message", "body")).containsExactly(null,
					"Private: which address?", "Public: write to help@shop.example");
			assertThat(field(events.get(2), "complaint", "title")).isEqualTo("Call me on 555 123 4567");
			assertThat(field(events.get(2), "complaint", "orderReference")).isEqualTo("A-77");
		}
	}

	/**
	 * Statements on the tables an event's fields read, from a public message's commit until {@code subscribers}
	 * anonymous subscribers (and the consumer) have all received it; the post itself is counted too, the same each
	 * time.
	 */
	private int statementsForAPublicMessage(int subscribers) {
		Fixture fixture = fixture();
		List<List<Map<String, Object>>> anonymous = follow(fixture, null, subscribers);
		List<Map<String, Object>> consumer = follow(fixture, issuer().token(fixture.consumer), 1).get(0);

		statements.countOn("complaints", "messages", "brands", "brand_members", "profiles");
		post(fixture, "Public: it is on its way", "PUBLIC");
		eventually(() -> consumer.size() + anonymous.stream().mapToInt(List::size).sum(),
				received -> received == 2 * (subscribers + 1));
		int count = statements.count();
		statements.countOn();
		assertThat(anonymous).allSatisfy(events -> assertThat(field(events.get(1), "complaint", "brand"))
				.isEqualTo(Map.of("name", fixture.brand)));
		return count;
	}

	/**
	 * {@code subscribers} subscriptions of one caller on one socket, each set up once it has received the filing
	 * (replayed from the start), so that every later event reaches them live.
	 */
	private List<List<Map<String, Object>>> follow(Fixture fixture, String token, int subscribers) {
		GraphQlClient client = webSocketClient(token);
		List<List<Map<String, Object>>> received = new ArrayList<>();
		for (int i = 0; i < subscribers; i++) {
			List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
			received.add(events);
			subscriptions.add(client.document(EVENTS)
					.variables(Map.of("id", fixture.complaintId, "after", EventCursor.START.encoded()))
					.retrieveSubscription("complaintEvents").toEntity(Map.class)
					.subscribe(event -> events.add(cast(event))));
		}
		eventually(() -> received.stream().filter(events -> !events.isEmpty()).count(),
				ready -> ready == subscribers);
		return received;
	}

	private Fixture fixture() {
		String owner = unique("owner");
		String brand = unique("fanout");
		String agent = unique("agent");
		String consumer = unique("alice");
		addMember(owner, registerBrand(owner, brand), agent, "AGENT");
		String complaintId = fileComplaint(consumer, brand, "Call me on 555 123 4567", "It broke", "A-77");
		return new Fixture(brand, agent, consumer, complaintId);
	}

	private void post(Fixture fixture, String body, String visibility) {
		as(fixture.agent).documentName("postMessage")
				.variable("input", Map.of("complaintId", fixture.complaintId, "body", body, "visibility", visibility))
				.execute().path("postMessage.userErrors").entityList(Object.class).hasSize(0);
	}

	@SuppressWarnings("unchecked")
	private static Object field(Map<String, Object> event, String object, String field) {
		Map<String, Object> value = (Map<String, Object>) event.get(object);
		return value == null ? null : value.get(field);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Object event) {
		return (Map<String, Object>) event;
	}

	private record Fixture(String brand, String agent, String consumer, String complaintId) {
	}
}
