package io.redress;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import io.redress.realtime.EventCursor;
import io.redress.shared.DatabaseOutage;
import io.redress.testing.TestDatabase;
import io.redress.testing.TestEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import io.netty.channel.ChannelOption;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.graphql.client.GraphQlClient;
import org.springframework.graphql.client.SubscriptionErrorException;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What clients see, what the log says and what survives when things go wrong under the server: connections
 * terminated mid-load, the database refusing connections, a lookup failing while a subscriber's event is resolved,
 * a subscriber that stops reading. These tests run on a server and database of their own (with a small subscriber
 * buffer), so the other suites' database never goes away.
 */
@ExtendWith(OutputCaptureExtension.class)
class FaultTests extends OwnEnvironmentTest {

	private static final TestDatabase SERVER = TestDatabase.shared();

	private static final TestDatabase DATABASE = SERVER
			.withFreshDatabase("redress_faults_" + ProcessHandle.current().pid());

	private static final String POST_MESSAGE = """
			mutation($input: PostMessageInput!) {
			  postMessage(input: $input) { message { id body } userErrors { code } }
			}""";

	private static final String VIEWER = "{ viewer { id } }";

	private static final int SUBSCRIBER_BUFFER = 4;

	private static final String COMPLAINT_EVENTS = """
			subscription($id: ID!, $after: String) {
			  complaintEvents(complaintId: $id, after: $after) { cursor type message { body } }
			}""";

	@Autowired
	private DatabaseOutage outage;

	@Autowired
	private DatabaseClient db;

	/** Send buffers of a fixed small size, so a client that does not read holds up the server soon. */
	@TestConfiguration
	static class SmallSendBuffers {

		@Bean
		NettyServerCustomizer smallSendBuffers() {
			return server -> server.childOption(ChannelOption.SO_SNDBUF, 16_384);
		}
	}

	@DynamicPropertySource
	static void environment(DynamicPropertyRegistry registry) {
		register(registry, DATABASE, TestEnvironment.issuer());
		registry.add("redress.realtime.subscriber-buffer", () -> SUBSCRIBER_BUFFER);
	}

	private static String token(String subject) {
		return TestEnvironment.issuer().token(subject);
	}

	@Test
	void runsOnItsOwnDatabase() {
		assertThat(db.sql("SELECT current_database() AS name").map(row -> row.get("name", String.class)).one()
				.block(Duration.ofSeconds(10))).isEqualTo(DATABASE.database());
	}

	@Test
	void anOutageIsUnavailableWithRetryAfterAndTakesTheNodeOutOfReadiness(CapturedOutput output) {
		String subject = unique("outage");
		eventually(outage::isDown, down -> !down);
		assertThat(graphQl(token(subject), VIEWER, Map.of()).block(Duration.ofSeconds(15)).status()).isEqualTo(200);
		try {
			refuseConnections(true);
			terminateConnections();

			http().post().uri("/graphql").headers(headers -> headers.setBearerAuth(token(subject)))
					.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("query", VIEWER)).exchange()
					.expectStatus().isEqualTo(503)
					.expectHeader().valueEquals("Retry-After", "5")
					.expectBody()
					.jsonPath("$.errors[0].extensions.classification").isEqualTo("UNAVAILABLE")
					.jsonPath("$.errors[0].message").value(message -> assertThat((String) message)
							.doesNotContainIgnoringCase("r2dbc").doesNotContainIgnoringCase("exception"));
			http().get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503)
					.expectBody().jsonPath("$.status").isEqualTo("DOWN")
					.jsonPath("$.components.r2dbc.status").isEqualTo("DOWN");
		}
		finally {
			refuseConnections(false);
		}
		eventually(() -> graphQl(token(subject), VIEWER, Map.of()).block(Duration.ofSeconds(15)).status(),
				status -> status == 200);
		http().get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
		eventually(output::getOut, log -> log.contains("database reachable again after"));

		String log = output.getOut();
		assertThat(log.split("database unreachable:", -1)).as("one WARN line for the outage").hasSize(2);
		assertThat(log).doesNotContain("Unresolved").doesNotContain("\tat ");
	}

	@Test
	void aSubscriptionOpenedDuringAnOutageEndsUnavailableAndWorksOnceItIsOver() {
		String owner = token(unique("owner"));
		String brand = unique("outageco");
		registerBrand(owner, brand);
		String consumer = token(unique("consumer"));
		String complaintId = fileComplaint(consumer, brand);
		Map<String, Object> variables = Map.of("id", complaintId, "after", EventCursor.START.encoded());

		Throwable ended;
		try {
			refuseConnections(true);
			terminateConnections();
			ended = subscribe(consumer, COMPLAINT_EVENTS, variables, "complaintEvents")
					.then(Mono.<Throwable>empty())
					.onErrorResume(Mono::just)
					.block(Duration.ofSeconds(15));
		}
		finally {
			refuseConnections(false);
		}

		assertThat(ended).isInstanceOf(SubscriptionErrorException.class);
		assertThat(((SubscriptionErrorException) ended).getErrors())
				.singleElement().satisfies(error -> assertThat(error.getErrorType().toString()).isEqualTo("UNAVAILABLE"));
		Map<String, Object> filed = eventually(() -> subscribe(consumer, COMPLAINT_EVENTS, variables, "complaintEvents")
				.onErrorResume(ex -> Mono.empty()).blockFirst(Duration.ofSeconds(15)), event -> event != null);
		assertThat(filed.get("type")).isEqualTo("COMPLAINT_FILED");
	}

	@Test
	void everyAcknowledgedWriteSurvivesConnectionsTerminatedUnderLoad(CapturedOutput output) {
		String owner = token(unique("owner"));
		String brand = unique("faultco");
		registerBrand(owner, brand);
		String consumer = token(unique("consumer"));
		String complaintId = fileComplaint(consumer, brand);

		CompletableFuture<Void> faults = CompletableFuture.runAsync(() -> {
			for (int round = 0; round < 5; round++) {
				pause(Duration.ofMillis(150));
				terminateConnections();
			}
		});
		List<Write> outcomes = Flux.range(0, 160)
				.flatMap(i -> {
					String body = unique("written") + "-" + i;
					Map<String, Object> input = Map.of("complaintId", complaintId, "body", body, "visibility", "PUBLIC",
							"idempotencyKey", body);
					return graphQl(i % 2 == 0 ? owner : consumer, POST_MESSAGE, Map.of("input", input))
							.map(outcome -> new Write(body, outcome));
				}, 8)
				.collectList()
				.block(Duration.ofSeconds(120));
		faults.join();

		List<String> acknowledged = outcomes.stream().filter(Write::acknowledged).map(Write::body).toList();
		assertThat(acknowledged).as("some writes went through").isNotEmpty();
		for (String body : acknowledged) {
			assertThat(countMessages(body)).as("acknowledged write %s is stored", body).isEqualTo(1);
		}
		for (Write failed : outcomes.stream().filter(outcome -> !outcome.acknowledged()).toList()) {
			assertThat(failed.classifications()).as("a failure under an outage: %s", failed)
					.isNotEmpty().allMatch(type -> type.equals("UNAVAILABLE") || type.equals("TIMEOUT"));
			assertThat(failed.outcome().status()).isIn(503, 504);
		}
		assertThat(output.getOut()).as("no stack trace per failed operation").doesNotContain("\tat ");
	}

	@Test
	void aSubscriberNeverMovesPastAnEventItCouldNotBeGiven() {
		String owner = token(unique("owner"));
		String brand = unique("resumeco");
		registerBrand(owner, brand);
		String consumer = token(unique("consumer"));
		String complaintId = fileComplaint(consumer, brand);
		String body = unique("reply");
		withToken(owner).documentName("postMessage")
				.variable("input", Map.of("complaintId", complaintId, "body", body, "visibility", "PUBLIC"))
				.execute().path("postMessage.userErrors").entityList(Object.class).hasSize(0);

		List<Map<String, Object>> delivered = new ArrayList<>();
		Throwable ended;
		try {
			// Only the message lookup fails: the events themselves are still read from the log.
			execute("ALTER TABLE messages RENAME TO messages_away");
			ended = subscribe(consumer, COMPLAINT_EVENTS,
					Map.of("id", complaintId, "after", EventCursor.START.encoded()), "complaintEvents")
					.doOnNext(delivered::add)
					.then(Mono.<Throwable>empty())
					.onErrorResume(Mono::just)
					.block(Duration.ofSeconds(15));
		}
		finally {
			execute("ALTER TABLE messages_away RENAME TO messages");
		}

		assertThat(ended).isInstanceOf(SubscriptionErrorException.class);
		assertThat(((SubscriptionErrorException) ended).getErrors()).isNotEmpty().allSatisfy(error -> {
			assertThat(error.getErrorType().toString()).isEqualTo("INTERNAL_ERROR");
			assertThat(error.getMessage()).contains("subscribe again with after");
		});
		assertThat(delivered).as("no message event delivered without its message")
				.noneMatch(event -> "MESSAGE_POSTED".equals(event.get("type")));

		String resumeFrom = delivered.isEmpty() ? EventCursor.START.encoded()
				: (String) delivered.get(delivered.size() - 1).get("cursor");
		Map<String, Object> posted = subscribe(consumer, COMPLAINT_EVENTS,
				Map.of("id", complaintId, "after", resumeFrom), "complaintEvents")
				.filter(event -> "MESSAGE_POSTED".equals(event.get("type")))
				.blockFirst(Duration.ofSeconds(15));
		assertThat(posted.get("message")).isEqualTo(Map.of("body", body));
	}

	@Test
	void aClientThatHangsUpMidRequestLeavesNoErrorInTheLog(CapturedOutput output) throws SQLException {
		String impatient = token(unique("impatient"));
		assertThat(graphQl(impatient, VIEWER, Map.of()).block(Duration.ofSeconds(15)).status()).isEqualTo(200);
		try (Connection lock = connect(DATABASE)) {
			lock.setAutoCommit(false);
			// The request waits for the lock; the client gives up and closes the connection.
			lock.createStatement().execute("LOCK TABLE profiles IN ACCESS EXCLUSIVE MODE");
			hangUpDuring(impatient, VIEWER);
			pause(Duration.ofSeconds(1));
			lock.rollback();
		}
		// The server finishes the abandoned request once the lock is gone; another request proves it is done.
		assertThat(graphQl(impatient, VIEWER, Map.of()).block(Duration.ofSeconds(15)).status()).isEqualTo(200);
		pause(Duration.ofSeconds(1));

		assertThat(output.getOut()).doesNotContain("Unresolved").doesNotContain(" ERROR ").doesNotContain("\tat ");
	}

	@Test
	void theSocketOfASubscriberThatStopsReadingIsClosed() throws IOException {
		String owner = token(unique("owner"));
		String brand = unique("slowco");
		registerBrand(owner, brand);
		String consumer = token(unique("consumer"));
		String complaintId = fileComplaint(consumer, brand);

		try (Socket socket = new Socket()) {
			// A small window: the client's side fills after a few events, then the server's, then its buffer.
			socket.setReceiveBufferSize(4096);
			socket.connect(new InetSocketAddress("localhost", port), 10_000);
			RawWebSocket client = new RawWebSocket(socket, port);
			client.sendText("{\"type\":\"connection_init\",\"payload\":{\"Authorization\":\"Bearer " + consumer
					+ "\"}}");
			client.sendText("{\"id\":\"1\",\"type\":\"subscribe\",\"payload\":{\"query\":"
					+ quoted(COMPLAINT_EVENTS) + ",\"variables\":{\"id\":\"" + complaintId + "\",\"after\":\""
					+ EventCursor.START.encoded() + "\"}}}");

			// The client reads nothing while the brand writes far more than the sockets, the server's send queue
			// (Reactor Netty takes up to 256 messages ahead) and the subscriber's buffer hold.
			String body = "x".repeat(9_000);
			Flux.range(0, 600)
					.flatMap(i -> graphQl(owner, POST_MESSAGE, Map.of("input",
							Map.of("complaintId", complaintId, "body", body + i, "visibility", "PUBLIC"))), 4)
					.blockLast(Duration.ofSeconds(180));

			assertThat(client.readsToTheEnd(Duration.ofSeconds(10)))
					.as("the server closed the connection, rather than leave it open with the client not reading")
					.isTrue();
		}
	}

	/** Sends a request over a raw connection and closes it before any answer can come. */
	private void hangUpDuring(String token, String query) {
		byte[] body = ("{\"query\":" + quoted(query) + "}").getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("localhost", port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("POST /graphql HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token
					+ "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			out.write(body);
			out.flush();
			pause(Duration.ofMillis(500));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String quoted(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
	}

	/** Just enough of a WebSocket client to open one, send text, and then not read. */
	private static final class RawWebSocket {

		private final Socket socket;
		private final OutputStream out;

		RawWebSocket(Socket socket, int port) throws IOException {
			this.socket = socket;
			this.out = socket.getOutputStream();
			out.write(("GET /graphql HTTP/1.1\r\nHost: localhost:" + port + "\r\nUpgrade: websocket\r\n"
					+ "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
					+ "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			String response = readHeaders(socket.getInputStream());
			assertThat(response).startsWith("HTTP/1.1 101");
		}

		private static String readHeaders(InputStream in) throws IOException {
			StringBuilder headers = new StringBuilder();
			while (!headers.toString().endsWith("\r\n\r\n")) {
				int next = in.read();
				if (next < 0) {
					break;
				}
				headers.append((char) next);
			}
			return headers.toString();
		}

		/** A masked text frame, as a client must send. */
		void sendText(String text) throws IOException {
			byte[] payload = text.getBytes(StandardCharsets.UTF_8);
			ByteArrayOutputStream frame = new ByteArrayOutputStream();
			frame.write(0x81);
			if (payload.length < 126) {
				frame.write(0x80 | payload.length);
			}
			else {
				frame.write(0x80 | 126);
				frame.write(payload.length >> 8);
				frame.write(payload.length & 0xff);
			}
			byte[] mask = { 1, 2, 3, 4 };
			frame.write(mask);
			for (int i = 0; i < payload.length; i++) {
				frame.write(payload[i] ^ mask[i % 4]);
			}
			out.write(frame.toByteArray());
			out.flush();
		}

		/** Reads what the server sent until it closes the connection; false if it is still open after the wait. */
		boolean readsToTheEnd(Duration wait) throws IOException {
			socket.setSoTimeout((int) wait.toMillis());
			byte[] buffer = new byte[65_536];
			try {
				while (socket.getInputStream().read(buffer) >= 0) {
					// what was sent before the close is of no interest here
				}
				return true;
			}
			catch (SocketTimeoutException ex) {
				return false;
			}
			catch (SocketException ex) {
				// A reset is a close too.
				return true;
			}
		}
	}

	private Flux<Map<String, Object>> subscribe(String token, String document, Map<String, Object> variables,
			String field) {
		GraphQlClient client = WebSocketGraphQlClient
				.builder(URI.create("ws://localhost:" + port + "/graphql"), new ReactorNettyWebSocketClient())
				.interceptor(new WebSocketGraphQlClientInterceptor() {
					@Override
					public Mono<Object> connectionInitPayload() {
						return Mono.just(Map.of("Authorization", "Bearer " + token));
					}
				})
				.build();
		return ApiTest.subscribe(client, document, variables, field);
	}

	/** A message a request was to write, and what it got back. */
	record Write(String body, Outcome outcome) {

		boolean acknowledged() {
			return outcome.status() == 200 && outcome.body().get("errors") == null
					&& outcome.body().get("data") instanceof Map<?, ?> data
					&& data.get("postMessage") instanceof Map<?, ?> payload && payload.get("message") != null;
		}

		List<String> classifications() {
			List<String> types = new ArrayList<>();
			if (outcome.body().get("errors") instanceof List<?> errors) {
				for (Object error : errors) {
					Map<?, ?> extensions = (Map<?, ?>) ((Map<?, ?>) error).get("extensions");
					types.add(extensions == null ? "none" : String.valueOf(extensions.get("classification")));
				}
			}
			return types;
		}
	}

	private int countMessages(String body) {
		try (Connection connection = connect(DATABASE);
				PreparedStatement statement = connection.prepareStatement(
						"SELECT count(*) FROM messages WHERE body = ?")) {
			statement.setString(1, body);
			try (ResultSet rows = statement.executeQuery()) {
				rows.next();
				return rows.getInt(1);
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Ends every session the server holds on this suite's database, as a fail-over or a restart would. */
	private static void terminateConnections() {
		administer("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + DATABASE.database()
				+ "' AND pid <> pg_backend_pid()");
	}

	private static void refuseConnections(boolean refuse) {
		administer("ALTER DATABASE " + DATABASE.database() + " ALLOW_CONNECTIONS " + !refuse);
	}

	/** Runs a statement on the server from another database, which stays reachable while this suite's is not. */
	private static void administer(String sql) {
		try (Connection connection = connect(SERVER); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void execute(String sql) {
		try (Connection connection = connect(DATABASE); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Connection connect(TestDatabase database) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
	}
}
