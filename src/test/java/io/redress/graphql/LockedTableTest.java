package io.redress.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.shared.GlobalId;
import io.redress.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import reactor.core.publisher.Mono;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * What the timeout tests share: a complaint to post in, a real lock on the complaints table taken by another
 * session, requests sent concurrently, and counts read straight from the database.
 */
abstract class LockedTableTest extends ApiTest {

	protected String owner;
	protected String brand;
	protected String consumer;
	protected String complaintId;

	@BeforeEach
	void complaint() {
		owner = unique("owner");
		brand = unique("brand");
		consumer = unique("consumer");
		registerBrand(owner, brand);
		complaintId = fileComplaint(consumer, brand, "Lost parcel", "Where is it?");
	}

	/** Another session takes the whole complaints table ({@link TestDatabase#lockTable}); closing frees it. */
	protected static Connection lockComplaints() throws SQLException {
		return TestDatabase.shared().lockTable("complaints");
	}

	private static Connection connect() throws SQLException {
		TestDatabase database = TestDatabase.shared();
		return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
	}

	protected Mono<Answer> post(String body, String key) {
		Map<String, Object> input = new HashMap<>(Map.of("complaintId", complaintId, "body", body,
				"visibility", "PUBLIC", "idempotencyKey", key));
		return call(consumer, document("postMessage"), Map.of("input", input));
	}

	protected Mono<Answer> complaintQuery() {
		return call(consumer, document("complaintView"), Map.of("id", complaintId));
	}

	protected Mono<Answer> brandQuery() {
		return call(owner, document("brand"), Map.of("slug", brand));
	}

	private Mono<Answer> call(String subject, String document, Map<String, Object> variables) {
		return WebClient.create("http://localhost:" + port).post().uri("/graphql")
				.contentType(MediaType.APPLICATION_JSON)
				.headers(headers -> headers.setBearerAuth(issuer().token(subject)))
				.bodyValue(Map.of("query", document, "variables", variables))
				.exchangeToMono(response -> response.bodyToMono(String.class)
						.map(text -> new Answer(response.statusCode(), text)));
	}

	private static String document(String name) {
		try {
			return new ClassPathResource("graphql-test/" + name + ".graphql").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Changes to a complaint (every one starts by locking its row: {@code FOR UPDATE OF c}) still waiting for the
	 * locked table; background readers of the table, such as the score keeper, may wait too and are not counted.
	 */
	protected static long changesWaitingForComplaints() {
		return count("""
				SELECT count(*) FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
				WHERE l.relation = 'complaints'::regclass AND NOT l.granted AND a.query LIKE '%FOR UPDATE OF c%'""");
	}

	/** Statements of any session waiting for the locked table, each holding one of the server's connections. */
	protected static long waitingForComplaints() {
		return count("SELECT count(*) FROM pg_locks WHERE relation = 'complaints'::regclass AND NOT granted");
	}

	/** Asked over a connection of its own, never one of the server's pool, which may be busy. */
	private static long count(String sql) {
		try (Connection connection = connect(); Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	protected long complaintKey() {
		return GlobalId.decode(complaintId, "Complaint").orElseThrow();
	}

	protected Long rows(String countSql) {
		return db.sql(countSql).bind("id", complaintKey()).map(row -> row.get(0, Long.class)).one().block();
	}

	protected Long messages() {
		return rows("SELECT count(*) FROM messages WHERE complaint_id = :id");
	}

	protected Long messagePostedEvents() {
		return rows("SELECT count(*) FROM events WHERE complaint_id = :id AND type = 'MESSAGE_POSTED'");
	}

	/** An HTTP answer: its status and its body as text. */
	protected record Answer(HttpStatusCode status, String body) {
	}
}
