package io.redress.graphql;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.redress.ApiTest;
import io.redress.realtime.EventCursor;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The limits per caller, with small limits in a context of their own. Callers act from addresses of their own
 * through {@code X-Forwarded-For}, which the server trusts here ({@code server.forward-headers-strategy=framework}).
 */
@TestPropertySource(properties = { "server.forward-headers-strategy=framework",
		"redress.limits.cost-per-minute=300", "redress.limits.anonymous-cost-per-minute=200",
		"redress.limits.base-cost=5", "redress.limits.content-per-hour=3",
		"redress.limits.max-sockets-per-principal=2", "redress.limits.max-sockets-per-ip=3",
		"redress.limits.max-subscriptions-per-principal=3", "redress.limits.max-subscriptions-per-ip=100",
		"redress.limits.max-streams-per-principal=1", "redress.limits.max-streams-per-ip=100",
		"redress.limits.max-subscriptions-per-node=10", "redress.limits.widget-requests-per-minute=20" })
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitTests extends ApiTest {

	private static final AtomicInteger ADDRESSES = new AtomicInteger();

	private static final String CHEAP = "query { __typename }";

	private static final String COMPLAINT_EVENTS = """
			subscription($id: ID!, $after: String) { complaintEvents(complaintId: $id, after: $after) { cursor type } }""";

	@Test
	void aBurstOverTheBudgetIsRefusedWith429AndRetryAfter() {
		String token = issuer().token(unique("busy"));
		// A trivial query costs at least its base cost of 5: a budget of 300 serves no more than 60 in a burst
		// (plus what refills while it lasts, 5 a second).
		List<EntityExchangeResult<String>> answers = burst(token, address(), 100);

		assertThat(answers.subList(0, 49)).allMatch(answer -> answer.getStatus().value() == 200);
		EntityExchangeResult<String> refused = answers.stream().filter(answer -> answer.getStatus().value() != 200)
				.findFirst().orElseThrow();
		assertThat(refused.getStatus().value()).isEqualTo(429);
		assertThat(Long.parseLong(refused.getResponseHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
		assertThat(refused.getResponseBody()).contains("\"classification\":\"RATE_LIMITED\"")
				.contains("budget of 300 per minute");
	}

	@Test
	void anonymousCallersAreCountedPerAddress() {
		String crowded = address();

		assertThat(burst(null, crowded, 100)).anyMatch(answer -> answer.getStatus().value() == 429);
		assertThat(post(null, address(), CHEAP).getStatus().value()).isEqualTo(200);
	}

	@Test
	void overAWebSocketTheRefusedOperationGetsAnError() {
		String token = issuer().token(unique("spender"));
		assertThat(burst(token, address(), 100)).anyMatch(answer -> answer.getStatus().value() == 429);

		Listener listener = new Listener();
		WebSocket socket = socket(address(), listener);
		socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}",
				true).join();
		socket.sendText("{\"type\":\"subscribe\",\"id\":\"7\",\"payload\":"
				+ "{\"query\":\"subscription { viewerEvents { cursor } }\"}}", true).join();

		assertThat(listener.error).succeedsWithin(Duration.ofSeconds(15)).asString()
				.contains("\"id\":\"7\"").contains("RATE_LIMITED").contains("budget of 300 per minute is spent");
		socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
	}

	@Test
	void bigPagesAndAliasesSpendTheBudgetFaster() {
		String bigPages = issuer().token(unique("pages"));
		String aliased = issuer().token(unique("aliases"));
		String smallPages = issuer().token(unique("small"));
		// brands(first: 40) { edges { node { name } } } costs 5 + 1 + 40 × 3 = 126.
		String page40 = "query { brands(first: 40) { edges { node { name } } } }";

		assertThat(statuses(bigPages, page40, 3)).containsExactly(200, 200, 429);
		assertThat(statuses(aliased, "query { a: brands(first: 40) { edges { node { name } } } "
				+ "b: brands(first: 40) { edges { node { name } } } }", 2)).containsExactly(200, 429);
		assertThat(statuses(smallPages, "query { brands(first: 1) { edges { node { name } } } }", 3))
				.containsExactly(200, 200, 200);
	}

	@Test
	void aPageSizeSentAsAVariableIsPricedByItsValue() {
		String page = "query Page($n: Int, $slug: String!) { brand(slug: $slug) { name } "
				+ "brands(first: $n) { edges { node { name } } } }";
		// Priced once for a page of one; a page of 40 from another caller must not get that price (5 + 2 + 1 + 40 × 3).
		assertThat(statusesWith(issuer().token(unique("small")), page, Map.of("n", 1, "slug", "a"), 3))
				.containsExactly(200, 200, 200);

		assertThat(statusesWith(issuer().token(unique("pages")), page, Map.of("n", 40, "slug", "b"), 3))
				.containsExactly(200, 200, 429);
	}

	@Test
	void documentsNamedByTheirHashAloneAreEachPricedAsThemselves() {
		String cheap = "query { brands(first: 1) { edges { node { name } } } }";
		String dear = "query { brands(first: 40) { edges { node { name } } } }";
		String registrar = issuer().token(unique("registrar"));
		persisted(registrar, cheap, cheap);
		persisted(registrar, dear, dear);
		// Sent by hash alone, both have the same text (none): the cheap one is priced first.
		assertThat(persisted(issuer().token(unique("cheap")), null, cheap).getStatus().value()).isEqualTo(200);

		String spender = issuer().token(unique("dear"));
		assertThat(List.of(persisted(spender, null, dear), persisted(spender, null, dear),
				persisted(spender, null, dear))).extracting(answer -> answer.getStatus().value())
				.containsExactly(200, 200, 429);
	}

	@Test
	void aliasedFileComplaintsAreChargedOneEachToTheContentQuota() {
		String brand = unique("quota");
		registerBrand(unique("owner"), brand);
		String token = issuer().token(unique("prolific"));
		String twice = """
				mutation($a: FileComplaintInput!, $b: FileComplaintInput!) {
				  first: fileComplaint(input: $a) { complaint { id } userErrors { code } }
				  second: fileComplaint(input: $b) { complaint { id } userErrors { code } }
				}""";
		Map<String, Object> input = Map.of("brandSlug", brand, "title", "Late", "description", "Twice over",
				"category", "DELIVERY");
		Map<String, Object> variables = Map.of("a", input, "b", input);

		// The quota is 3 per hour: two aliased complaints leave one, so two more are refused though the general
		// budget (300) is far from spent; a single one still fits.
		EntityExchangeResult<String> served = post(token, address(), twice, variables);
		assertThat(served.getStatus().value()).isEqualTo(200);
		assertThat(served.getResponseBody()).doesNotContain("errors").contains("\"first\"").contains("\"second\"");
		EntityExchangeResult<String> refused = post(token, address(), twice, variables);
		assertThat(refused.getStatus().value()).isEqualTo(429);
		assertThat(refused.getResponseBody()).contains("RATE_LIMITED").contains("at most 3")
				.doesNotContain("\"data\":{");
		EntityExchangeResult<String> single = post(token, address(),
				"mutation($a: FileComplaintInput!) { fileComplaint(input: $a) { complaint { id } } }",
				Map.of("a", input));
		assertThat(single.getStatus().value()).isEqualTo(200);
		assertThat(post(token, address(), CHEAP).getStatus().value()).isEqualTo(200);
	}

	@Test
	void anAddressOverItsSocketCapIsRefusedAtTheHandshake() throws Exception {
		String crowded = address();
		List<WebSocket> open = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			open.add(socket(crowded, new Listener()));
		}

		assertThatThrownBy(() -> socket(crowded, new Listener()))
				.hasCauseInstanceOf(WebSocketHandshakeException.class)
				.hasRootCauseMessage("Unexpected HTTP response status code 429");
		assertThat(socket(address(), new Listener())).isNotNull();
		open.forEach(socket -> socket.sendClose(WebSocket.NORMAL_CLOSURE, "done"));
	}

	@Test
	void aCallerOverTheirSocketCapHasTheSocketClosedWith4429() {
		String token = issuer().token(unique("sockets"));
		List<Listener> listeners = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Listener listener = new Listener();
			WebSocket socket = socket(address(), listener);
			socket.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + token + "\"}}",
					true).join();
			socket.sendText("{\"type\":\"subscribe\",\"id\":\"1\",\"payload\":"
					+ "{\"query\":\"subscription { viewerEvents { cursor } }\"}}", true).join();
			listeners.add(listener);
		}

		CompletableFuture<Object> firstClose = CompletableFuture.anyOf(
				listeners.stream().map(listener -> listener.closed).toArray(CompletableFuture[]::new));
		assertThat(firstClose).succeedsWithin(Duration.ofSeconds(15)).isEqualTo(4429);
	}

	@Test
	void aCallersSubscriptionsAreCountedAcrossSockets() {
		String consumer = unique("watcher");
		String complaintId = complaintOf(consumer);
		String token = issuer().token(consumer);
		GraphQlClient one = webSocketClient(token, address());
		GraphQlClient two = webSocketClient(token, address());
		Map<String, Object> variables = Map.of("id", complaintId, "after", EventCursor.START.encoded());
		List<Flux<Map<String, Object>>> subscriptions = List.of(
				subscribe(one, COMPLAINT_EVENTS, variables, "complaintEvents"),
				subscribe(one, COMPLAINT_EVENTS, variables, "complaintEvents"),
				subscribe(two, COMPLAINT_EVENTS, variables, "complaintEvents"),
				subscribe(two, COMPLAINT_EVENTS, variables, "complaintEvents"));

		StepVerifier.create(Flux.merge(subscriptions).materialize().filter(signal -> signal.isOnError()).next())
				.expectNextMatches(signal -> signal.getThrowable().getMessage()
						.contains("At most 3 subscriptions per caller"))
				.verifyComplete();
	}

	@Test
	void aCallerOverTheirStreamCapIsRefusedWith429() {
		String consumer = unique("streamer");
		String complaintId = complaintOf(consumer);
		String token = issuer().token(consumer);
		Map<String, Object> body = Map.of("query", COMPLAINT_EVENTS,
				"variables", Map.of("id", complaintId, "after", EventCursor.START.encoded()));
		CompletableFuture<ServerSentEvent<String>> firstEvent = new CompletableFuture<>();
		Disposable open = WebClient.create("http://localhost:" + port).post().uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
				.headers(headers -> headers.setBearerAuth(token)).bodyValue(body)
				.retrieve().bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() { })
				.subscribe(firstEvent::complete);
		assertThat(firstEvent).succeedsWithin(Duration.ofSeconds(15));

		http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).accept(MediaType.TEXT_EVENT_STREAM)
				.headers(headers -> headers.setBearerAuth(token)).bodyValue(body)
				.exchange()
				.expectStatus().isEqualTo(429)
				.expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, String.valueOf(SocketLimits.CAP_RETRY_AFTER))
				.expectBody(String.class).value(answer -> assertThat(answer).contains("RATE_LIMITED")
						.contains("At most 1 event streams per caller"));
		open.dispose();
	}

	@Test
	void widgetRequestsAreLimitedPerAddress() {
		String guesser = address();
		for (int i = 0; i < 20; i++) {
			widget(guesser).expectStatus().isNotFound();
		}

		widget(guesser).expectStatus().isEqualTo(429).expectHeader().exists(HttpHeaders.RETRY_AFTER);
		widget(address()).expectStatus().isNotFound();
	}

	/** Last, with nothing else open: four callers with three subscriptions each reach the node's ceiling of 10. */
	@Test
	@Order(Integer.MAX_VALUE)
	void theNodeRefusesSubscriptionsOverItsCeiling() {
		List<Flux<Map<String, Object>>> subscriptions = new ArrayList<>();
		for (int caller = 0; caller < 4; caller++) {
			String consumer = unique("crowd");
			String complaintId = complaintOf(consumer);
			GraphQlClient client = webSocketClient(issuer().token(consumer), address());
			for (int i = 0; i < 3; i++) {
				subscriptions.add(subscribe(client, COMPLAINT_EVENTS,
						Map.of("id", complaintId, "after", EventCursor.START.encoded()), "complaintEvents"));
			}
		}

		StepVerifier.create(Flux.merge(subscriptions).materialize().filter(signal -> signal.isOnError()).next())
				.expectNextMatches(signal -> signal.getThrowable().getMessage()
						.contains("This server holds all the subscriptions it can"))
				.verifyComplete();
	}

	private String complaintOf(String consumer) {
		String brand = unique("limits");
		registerBrand(unique("owner"), brand);
		return fileComplaint(consumer, brand, "Watched", "Closely");
	}

	private List<EntityExchangeResult<String>> burst(String token, String address, int requests) {
		List<EntityExchangeResult<String>> answers = new ArrayList<>();
		for (int i = 0; i < requests; i++) {
			answers.add(post(token, address, CHEAP));
		}
		return answers;
	}

	private List<Integer> statuses(String token, String query, int times) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			statuses.add(post(token, address(), query).getStatus().value());
		}
		return statuses;
	}

	private List<Integer> statusesWith(String token, String query, Map<String, Object> variables, int times) {
		List<Integer> statuses = new ArrayList<>();
		for (int i = 0; i < times; i++) {
			statuses.add(post(token, address(), query, variables).getStatus().value());
		}
		return statuses;
	}

	/** {@code document} named by its hash, sent with its text when {@code text} is not null. */
	private EntityExchangeResult<String> persisted(String token, String text, String document) {
		Map<String, Object> body = new HashMap<>();
		if (text != null) {
			body.put("query", text);
		}
		body.put("extensions", Map.of("persistedQuery",
				Map.of("version", 1, "sha256Hash", PersistedQueryTests.hashOf(document))));
		return http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.header("X-Forwarded-For", address()).headers(headers -> headers.setBearerAuth(token))
				.bodyValue(body).exchange().expectBody(String.class).returnResult();
	}

	private EntityExchangeResult<String> post(String token, String address, String query) {
		return post(token, address, query, Map.of());
	}

	private EntityExchangeResult<String> post(String token, String address, String query,
			Map<String, Object> variables) {
		return http().post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
				.header("X-Forwarded-For", address)
				.headers(headers -> {
					if (token != null) {
						headers.setBearerAuth(token);
					}
				})
				.bodyValue(Map.of("query", query, "variables", variables))
				.exchange().expectBody(String.class).returnResult();
	}

	private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec widget(String address) {
		return http().get().uri("/widgets/{slug}/badge.svg", unique("guess")).header("X-Forwarded-For", address)
				.exchange();
	}

	private GraphQlClient webSocketClient(String token, String address) {
		return WebSocketGraphQlClient
				.builder(URI.create("ws://localhost:" + port + "/graphql"), new ReactorNettyWebSocketClient())
				.header("X-Forwarded-For", address)
				.interceptor(new WebSocketGraphQlClientInterceptor() {
					@Override
					public Mono<Object> connectionInitPayload() {
						return Mono.just(Map.of("Authorization", "Bearer " + token));
					}
				})
				.build();
	}

	private WebSocket socket(String address, Listener listener) {
		try {
			return HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
					.subprotocols(WebSocketEndpoint.SUBPROTOCOL).header("X-Forwarded-For", address)
					.buildAsync(URI.create("ws://localhost:" + port + "/graphql"), listener).join();
		}
		catch (CompletionException ex) {
			throw new IllegalStateException("The handshake failed", ex.getCause());
		}
	}

	/** An address of its own for each use, from the documentation range 198.51.100.0/24 and beyond. */
	private static String address() {
		int n = ADDRESSES.incrementAndGet();
		return "198.51." + (100 + n / 250) + "." + (1 + n % 250);
	}

	/** Remembers the first {@code error} message the server sends and the status it closes with. */
	private static final class Listener implements WebSocket.Listener {

		final CompletableFuture<String> error = new CompletableFuture<>();
		final CompletableFuture<Integer> closed = new CompletableFuture<>();

		@Override
		public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
			if (data.toString().contains("\"type\":\"error\"")) {
				error.complete(data.toString());
			}
			socket.request(1);
			return null;
		}

		@Override
		public CompletionStage<?> onClose(WebSocket socket, int statusCode, String reason) {
			closed.complete(statusCode);
			return null;
		}

		@Override
		public void onError(WebSocket socket, Throwable error) {
			closed.completeExceptionally(error);
		}
	}
}
