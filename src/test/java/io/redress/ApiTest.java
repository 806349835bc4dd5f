package io.redress;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;

import io.redress.testing.TestEnvironment;
import io.redress.testing.TestIssuer;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.graphql.test.tester.GraphQlTester;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Full-stack tests: the real server on a random port, a real database, real JWTs from a test issuer, over HTTP.
 * All subclasses share one application context. Reactive tests get no rollback, so each test makes its own data
 * with {@link #unique(String)} names.
 * <p>
 * The signals of fake reviews are off in this context: every test account is minutes old, so they would hold
 * complaints of tests about something else and change their scores. {@code moderation.SignalTests} has them on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = ApiTest.SIGNALS_OFF)
@TestPropertySource(locations = "classpath:out-of-reach-limits.properties")
public abstract class ApiTest {

	/** Off in the shared context; see above. */
	protected static final String SIGNALS_OFF = "redress.signals.enabled=false";

	private static final AtomicInteger SEQUENCE = new AtomicInteger();

	@LocalServerPort
	protected int port;

	@Autowired
	protected DatabaseClient db;

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		TestEnvironment.register(registry);
	}

	protected TestIssuer issuer() {
		return TestEnvironment.issuer();
	}

	/** Plain HTTP against the server, for what is not GraphQL or checks status codes and headers. */
	protected WebTestClient http() {
		return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
				.responseTimeout(Duration.ofSeconds(30)).build();
	}

	protected HttpGraphQlTester anonymous() {
		return HttpGraphQlTester.create(http().mutate().baseUrl("http://localhost:" + port + "/graphql").build());
	}

	/** A tester calling as {@code subject}, with a token from the test issuer (demo roles: mod, admin). */
	protected HttpGraphQlTester as(String subject) {
		return withToken(issuer().token(subject));
	}

	protected HttpGraphQlTester withToken(String token) {
		return anonymous().mutate().headers(headers -> headers.setBearerAuth(token)).build();
	}

	/**
	 * {@code brands} verified brands written straight into the table, for tests at volume: slugs {@code token-b1},
	 * {@code token-b2} …, names {@code token brand 001} … so they list in that order.
	 */
	protected void insertBrands(String token, int brands) {
		db.sql("""
				INSERT INTO brands (slug, name, website, domain, status)
				SELECT :token || '-b' || n, :token || ' brand ' || lpad(n::text, 3, '0'),
				       'https://' || :token || '-b' || n || '.example', :token || '-b' || n || '.example', 'VERIFIED'
				FROM generate_series(1, :brands) AS n""")
				.bind("token", token).bind("brands", brands).then().block();
	}

	/** Registers a brand named after its slug as {@code owner}, who becomes its owner; returns its global id. */
	protected String registerBrand(String owner, String slug) {
		return as(owner).documentName("registerBrand")
				.variable("input", Map.of("name", slug, "website", slug + ".example", "slug", slug)).execute()
				.path("registerBrand.userErrors").entityList(Object.class).hasSize(0)
				.path("registerBrand.brand.id").entity(String.class).get();
	}

	/**
	 * As the brand's {@code owner}, invites {@code subject} with a {@code role} in its team, and as {@code subject}
	 * accepts: joining a team takes the member's consent.
	 */
	protected void addMember(String owner, String brandId, String subject, String role) {
		invite(owner, brandId, subject, role);
		accept(subject, brandId).path("acceptBrandInvitation.member.role").entity(String.class).isEqualTo(role);
	}

	/**
	 * A brand registered as {@code slug} by a fresh owner, with a fresh member (who accepted) for each role given, in
	 * that order, named after the role.
	 */
	protected Team team(String slug, String... roles) {
		String owner = unique("owner");
		String id = registerBrand(owner, slug);
		Map<String, String> members = new LinkedHashMap<>();
		for (String role : roles) {
			String member = unique(role.toLowerCase());
			addMember(owner, id, member, role);
			members.put(role, member);
		}
		return new Team(slug, id, members);
	}

	/** A brand's slug, global id and the member holding each role. */
	protected record Team(String slug, String id, Map<String, String> members) {

		public String member(String role) {
			return members.get(role);
		}
	}

	/** As {@code manager} (an owner or manager of the brand), invites {@code subject} with a {@code role}. */
	protected GraphQlTester.Response invite(String manager, String brandId, String subject, String role) {
		GraphQlTester.Response response = as(manager).documentName("addBrandMember")
				.variable("input", Map.of("brandId", brandId, "subject", subject, "role", role)).execute();
		response.path("addBrandMember.userErrors").entityList(Object.class).hasSize(0)
				.path("addBrandMember.invitation.role").entity(String.class).isEqualTo(role);
		return response;
	}

	/** As {@code invitee}, accepts their invitation to the brand. */
	protected GraphQlTester.Response accept(String invitee, String brandId) {
		return as(invitee).documentName("acceptBrandInvitation").variable("input", Map.of("brandId", brandId))
				.execute();
	}

	/** Files a complaint as {@code consumer}; returns its global id. */
	protected String fileComplaint(String consumer, String brandSlug, String title, String description) {
		return fileComplaint(consumer, brandSlug, title, description, null);
	}

	protected String fileComplaint(String consumer, String brandSlug, String title, String description,
			String orderReference) {
		Map<String, Object> input = new HashMap<>(Map.of("brandSlug", brandSlug, "title", title, "description",
				description, "category", "DELIVERY"));
		if (orderReference != null) {
			input.put("orderReference", orderReference);
		}
		return as(consumer).documentName("fileComplaint").variable("input", input).execute()
				.path("fileComplaint.userErrors").entityList(Object.class).hasSize(0)
				.path("fileComplaint.complaint.id").entity(String.class).get();
	}

	/** As {@code caller}, runs one of the lifecycle mutations of {@code lifecycle.graphql} on a complaint. */
	protected GraphQlTester.Response perform(String caller, String mutation, String complaintId,
			Map<String, Object> more) {
		Map<String, Object> input = new HashMap<>(more);
		input.put("complaintId", complaintId);
		return as(caller).documentName("lifecycle").operationName(mutation).variable("input", input).execute();
	}

	protected GraphQlTester.Response perform(String caller, String mutation, String complaintId) {
		return perform(caller, mutation, complaintId, Map.of());
	}

	/** Runs a lifecycle mutation that must succeed: no user errors. */
	protected void succeeds(String caller, String mutation, String complaintId, Map<String, Object> more) {
		perform(caller, mutation, complaintId, more).path(mutation + ".userErrors").entityList(Object.class).hasSize(0);
	}

	/** A complaint of {@code consumer} that the brand's {@code agent} resolved: a refund proposed and accepted. */
	protected String resolvedComplaint(String consumer, String brandSlug, String agent) {
		String complaintId = fileComplaint(consumer, brandSlug, "Arrived broken", "The lid was cracked");
		succeeds(agent, "proposeResolution", complaintId, Map.of("kind", "REFUND", "summary", "A full refund"));
		succeeds(consumer, "acceptResolution", complaintId, Map.of());
		return complaintId;
	}

	/** A graphql-ws client over a real WebSocket, authenticated from connection_init; anonymous without a token. */
	protected GraphQlClient webSocketClient(String token) {
		WebSocketGraphQlClient.Builder<?> builder = WebSocketGraphQlClient
				.builder(URI.create("ws://localhost:" + port + "/graphql"), new ReactorNettyWebSocketClient());
		if (token != null) {
			builder.interceptor(new WebSocketGraphQlClientInterceptor() {
				@Override
				public Mono<Object> connectionInitPayload() {
					return Mono.just(Map.of("Authorization", "Bearer " + token));
				}
			});
		}
		return builder.build();
	}

	/** Subscribes over a new WebSocket; each item is the subscription field's value. */
	protected Flux<Map<String, Object>> subscribe(String token, String document, Map<String, Object> variables,
			String field) {
		return subscribe(webSocketClient(token), document, variables, field);
	}

	@SuppressWarnings("unchecked")
	protected static Flux<Map<String, Object>> subscribe(GraphQlClient client, String document,
			Map<String, Object> variables, String field) {
		return client.document(document).variables(variables).retrieveSubscription(field)
				.toEntity(Map.class)
				.map(event -> (Map<String, Object>) event)
				.timeout(Duration.ofSeconds(15));
	}

	/** Reads until {@code done} holds, for work the server does after a commit; fails after 15 s. */
	protected static <T> T eventually(Supplier<T> read, Predicate<T> done) {
		long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
		T value = read.get();
		while (!done.test(value)) {
			assertThat(System.nanoTime()).as("done in time; last read: %s", value).isLessThan(deadline);
			try {
				Thread.sleep(100);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
			value = read.get();
		}
		return value;
	}

	/**
	 * A name no other test uses: lower-case, safe as a slug or a subject, and never seven digits in a row, which text
	 * masking would take for a phone number (two base-36 parts of at most six characters, a letter between them).
	 */
	protected static String unique(String prefix) {
		return prefix + "-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + "q"
				+ Integer.toString(SEQUENCE.incrementAndGet(), 36);
	}
}
