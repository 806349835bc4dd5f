package io.redress.graphql;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.micrometer.core.instrument.MeterRegistry;
import io.redress.ApiTest;
import io.redress.realtime.EventCursor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Subscribers that would receive the same results share one execution: an event is executed (and serialised) once
 * per audience and document, however many subscribers follow it; audiences and documents are kept apart, and a
 * subscriber resuming from a cursor replays on its own, then joins the shared stream without a gap or a duplicate.
 * Executions are counted by the {@code redress.subscription.executions} meter. Groups take subscribers for the
 * membership check's interval: long here, so that slow set-ups on a loaded machine still join one group.
 */
@TestPropertySource(properties = "redress.realtime.membership-check=5m")
class SharedSubscriptionTests extends ApiTest {

	private static final String EVENTS = """
			subscription($id: ID!, $after: String) {
			  complaintEvents(complaintId: $id, after: $after) { cursor type message { body } }
			}""";

	private static final String TITLES = """
			subscription($id: ID!) { complaintEvents(complaintId: $id) { cursor message { body } complaint { title } } }""";

	@Autowired
	private MeterRegistry meters;

	@Autowired
	private SharedSubscriptions shared;

	private final List<Disposable> subscriptions = new ArrayList<>();

	@AfterEach
	void unsubscribe() {
		subscriptions.forEach(Disposable::dispose);
	}

	@Test
	void anonymousSubscribersOfOneComplaintWithOneDocumentCostOneExecutionPerEvent() {
		Fixture fixture = fixture();
		List<List<Map<String, Object>>> received = follow(fixture, List.of(webSocketClient(null),
				webSocketClient(null)), EVENTS, 12);
		double sharedBefore = executions("shared");
		double ownBefore = executions("own");

		for (int i = 0; i < 3; i++) {
			post(fixture, "Public update " + i, "PUBLIC");
		}

		eventually(() -> received.stream().mapToLong(events -> bodies(events).stream()
				.filter(body -> body.startsWith("Public update")).count()).sum(), count -> count == 12 * 3);
		assertThat(executions("shared") - sharedBefore).isEqualTo(3);
		assertThat(executions("own") - ownBefore).isZero();
		assertThat(received).allSatisfy(events -> assertThat(bodies(events)).endsWith("Public update 0",
				"Public update 1", "Public update 2"));
	}

	@Test
	void audiencesAndDocumentsAreKeptApartAndAPrivateEventNeverReachesThePublicStream() {
		Fixture fixture = fixture();
		int groupsBefore = shared.groups();
		List<List<Map<String, Object>>> anonymous = follow(fixture, List.of(webSocketClient(null)), EVENTS, 3);
		List<List<Map<String, Object>>> titles = follow(fixture, List.of(webSocketClient(null)), TITLES, 3);
		List<List<Map<String, Object>>> consumer = follow(fixture, List.of(webSocketClient(issuer()
				.token(fixture.consumer))), EVENTS, 2);
		assertThat(shared.groups() - groupsBefore).isEqualTo(3);
		double sharedBefore = settledExecutions();

		post(fixture, "Private: call me on 555 123 4567", "PRIVATE");
		post(fixture, "Public: call me on 555 123 4567", "PUBLIC");

		eventually(() -> consumer.stream().mapToInt(events -> bodies(events).size()).sum(), count -> count >= 2 * 2);
		eventually(() -> anonymous.stream().mapToInt(events -> bodies(events).size()).sum(), count -> count >= 3);
		eventually(() -> titles.stream().mapToInt(List::size).sum(), count -> count >= 3 * 2);
		// One execution per group and event its audience may see: the private message for the consumer only.
		eventually(() -> executions("shared") - sharedBefore, count -> count == 2 + 1 + 1);
		assertThat(consumer).allSatisfy(events -> assertThat(bodies(events)).endsWith(
				"Private: call me on 555 123 4567", "Public: call me on 555 123 4567"));
		assertThat(anonymous).allSatisfy(events -> assertThat(bodies(events)).endsWith("Public: call me on [hidden]")
				.noneMatch(body -> body.startsWith("Private")));
		assertThat(titles).allSatisfy(events -> assertThat(events).allSatisfy(event -> assertThat(event)
				.containsOnlyKeys("cursor", "message", "complaint")));
	}

	@Test
	void aResumingSubscriberReplaysOnItsOwnThenJoinsTheSharedStreamWithoutGapOrDuplicate() {
		Fixture fixture = fixture();
		List<Map<String, Object>> live = follow(fixture, List.of(webSocketClient(null)), EVENTS, 1).get(0);
		for (int i = 0; i < 5; i++) {
			post(fixture, "Before " + i, "PUBLIC");
		}
		eventually(() -> bodies(live), bodies -> bodies.contains("Before 4"));

		List<Map<String, Object>> resumed = new CopyOnWriteArrayList<>();
		subscriptions.add(webSocketClient(null).document(EVENTS)
				.variables(Map.of("id", fixture.complaintId, "after", EventCursor.START.encoded()))
				.retrieveSubscription("complaintEvents").toEntity(Map.class)
				.subscribe(event -> resumed.add(cast(event))));
		// Posted while the replay may still run: each reaches the resuming subscriber once, in order.
		for (int i = 0; i < 3; i++) {
			post(fixture, "During " + i, "PUBLIC");
		}
		eventually(() -> bodies(resumed), bodies -> bodies.contains("During 2"));
		double ownBefore = executions("own");
		double sharedBefore = executions("shared");

		post(fixture, "After joining", "PUBLIC");

		eventually(() -> bodies(resumed), bodies -> bodies.contains("After joining"));
		eventually(() -> bodies(live), bodies -> bodies.contains("After joining"));
		assertThat(executions("own") - ownBefore).as("the resumed subscriber's own execution has stopped").isZero();
		assertThat(executions("shared") - sharedBefore).isEqualTo(1);
		List<Long> positions = resumed.stream().map(event -> EventCursor.decode((String) event.get("cursor"))
				.orElseThrow().position()).toList();
		assertThat(positions).as("strictly increasing: no duplicate, in log order").isSorted().doesNotHaveDuplicates();
		assertThat(bodies(resumed).stream().filter(body -> !body.equals("It never came"))).containsExactly("Before 0", "Before 1", "Before 2", "Before 3", "Before 4",
				"During 0", "During 1", "During 2", "After joining");
		assertThat(resumed.get(0).get("type")).isEqualTo("COMPLAINT_FILED");
	}

	@Test
	void subscribersThatAllResumeStartTheSharedStreamThemselves() {
		Fixture fixture = fixture();
		post(fixture, "Missed", "PUBLIC");
		GraphQlClient client = webSocketClient(null);
		List<List<Map<String, Object>>> resumed = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
			resumed.add(events);
			subscriptions.add(client.document(EVENTS)
					.variables(Map.of("id", fixture.complaintId, "after", EventCursor.START.encoded()))
					.retrieveSubscription("complaintEvents").toEntity(Map.class)
					.subscribe(event -> events.add(cast(event))));
		}
		eventually(() -> resumed.stream().allMatch(events -> bodies(events).contains("Missed")), all -> all);
		// Each one's own execution stops at an event it has in common with the shared stream: the first, or the next
		// when its own execution sent the first before the shared stream had handed it over.
		post(fixture, "Shared from here", "PUBLIC");
		post(fixture, "Shared for sure", "PUBLIC");
		eventually(() -> resumed.stream().allMatch(events -> bodies(events).contains("Shared for sure")), all -> all);
		double ownBefore = executions("own");
		double sharedBefore = executions("shared");

		post(fixture, "Once for all four", "PUBLIC");

		eventually(() -> resumed.stream().allMatch(events -> bodies(events).contains("Once for all four")),
				all -> all);
		assertThat(executions("own") - ownBefore).isZero();
		assertThat(executions("shared") - sharedBefore).isEqualTo(1);
		assertThat(resumed).allSatisfy(events -> assertThat(bodies(events)).endsWith("Missed", "Shared from here",
				"Shared for sure", "Once for all four"));
	}

	/**
	 * {@code subscribers} subscriptions spread over {@code clients}, without a cursor: each counts as set up once it
	 * has received one of the warm-up messages posted until all have.
	 */
	private List<List<Map<String, Object>>> follow(Fixture fixture, List<GraphQlClient> clients, String document,
			int subscribers) {
		List<List<Map<String, Object>>> received = new ArrayList<>();
		for (int i = 0; i < subscribers; i++) {
			List<Map<String, Object>> events = new CopyOnWriteArrayList<>();
			received.add(events);
			subscriptions.add(clients.get(i % clients.size()).document(document)
					.variables(Map.of("id", fixture.complaintId))
					.retrieveSubscription("complaintEvents").toEntity(Map.class)
					.subscribe(event -> events.add(cast(event))));
		}
		for (int n = 0; received.stream().anyMatch(List::isEmpty); n++) {
			assertThat(n).as("every subscriber set up").isLessThan(100);
			post(fixture, "Warm-up " + n, "PUBLIC");
			sleep();
		}
		// Warm-ups still on their way are let through before anything is measured.
		post(fixture, "Warm-up done", "PUBLIC");
		eventually(() -> received.stream().allMatch(events -> events.size() > 0 && String.valueOf(
				events.get(events.size() - 1)).contains("Warm-up done")), done -> done);
		received.forEach(List::clear);
		return received;
	}

	/** The shared executions once the warm-ups still on their way to other groups are done. */
	private double settledExecutions() {
		double before = executions("shared");
		sleep();
		sleep();
		double after = executions("shared");
		return after == before ? after : settledExecutions();
	}

	private double executions(String kind) {
		return meters.get("redress.subscription.executions").tag("kind", kind).counter().count();
	}

	private Fixture fixture() {
		String owner = unique("owner");
		String brand = unique("shared");
		String agent = unique("agent");
		String consumer = unique("alice");
		addMember(owner, registerBrand(owner, brand), agent, "AGENT");
		String complaintId = fileComplaint(consumer, brand, "Parcel lost", "It never came", "A-78");
		return new Fixture(agent, consumer, complaintId);
	}

	private void post(Fixture fixture, String body, String visibility) {
		as(fixture.agent).documentName("postMessage")
				.variable("input", Map.of("complaintId", fixture.complaintId, "body", body, "visibility", visibility))
				.execute().path("postMessage.userErrors").entityList(Object.class).hasSize(0);
	}

	@SuppressWarnings("unchecked")
	private static List<String> bodies(List<Map<String, Object>> events) {
		return events.stream().map(event -> (Map<String, Object>) event.get("message"))
				.filter(message -> message != null).map(message -> (String) message.get("body"))
				.filter(body -> !body.startsWith("Warm-up")).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> cast(Object event) {
		return (Map<String, Object>) event;
	}

	private static void sleep() {
		try {
			Thread.sleep(200);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private record Fixture(String agent, String consumer, String complaintId) {
	}
}
