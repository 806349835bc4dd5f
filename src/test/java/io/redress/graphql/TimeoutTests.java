package io.redress.graphql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.redress.ApiTest;
import io.redress.shared.GlobalId;
import io.redress.testing.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.transaction.TransactionTimedOutException;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.reactive.function.client.WebClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Timeouts stop the work, not only the answer: with a table locked by another session, mutations that need it are
 * rolled back and answered TIMEOUT (HTTP 504), nothing they started commits later, and requests that never touch the
 * table are answered meanwhile. Short limits in their own context, so the shared one keeps the defaults.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
		"redress.graphql.timeout=4s", "redress.database.statement-timeout=3s", "redress.database.lock-timeout=1s",
		"redress.database.transaction-slots=3", "redress.database.slot-wait=1s", "spring.r2dbc.pool.max-size=5",
		"spring.r2dbc.pool.max-acquire-time=1s" })
class TimeoutTests extends ApiTest {

	/** More mutations at once than there are transaction slots, and than there are pooled connections. */
	private static final int AT_ONCE = 12;

	@Autowired
	private TransactionalOperator transactions;

	private String owner;
	private String brand;
	private String consumer;
	private String complaintId;

	@BeforeEach
	void complaint() {
		owner = unique("owner");
		brand = unique("brand");
		consumer = unique("consumer");
		registerBrand(owner, brand);
		complaintId = fileComplaint(consumer, brand, "Lost parcel", "Where is it?");
	}

	@Test
	void mutationsBlockedByALockedTableAreRolledBackAndAnsweredTimeoutWhileOtherQueriesAreAnswered() throws Exception {
		List<Answer> answers;
		try (Connection locker = lockComplaints()) {
			Mono<List<Answer>> posts = Flux.range(0, AT_ONCE).flatMap(i -> post("Any news? " + i, "key-" + i), AT_ONCE)
					.collectList();
			Mono<Answer> unrelated = Mono.delay(Duration.ofMillis(200)).then(brandQuery());
			var both = Mono.zip(posts, unrelated).block(Duration.ofSeconds(30));
			answers = both.getT1();

			Answer brandAnswer = both.getT2();
			assertThat(brandAnswer.status().value()).isEqualTo(200);
			assertThat(brandAnswer.body()).contains("\"slug\":\"" + brand + "\"").doesNotContain("\"errors\"");
			// Nothing still waits for the table while it is locked, so nothing can go on to commit once it is free.
			eventually(this::waitingForComplaints, waiting -> waiting == 0);
			locker.rollback();
		}

		assertThat(answers).hasSize(AT_ONCE).allSatisfy(answer -> {
			assertThat(answer.status().value()).isEqualTo(504);
			assertThat(answer.body()).contains("\"classification\":\"TIMEOUT\"").contains("nothing was saved");
		});
		assertThat(rows("SELECT count(*) FROM messages WHERE complaint_id = :id")).isZero();
		assertThat(rows("SELECT count(*) FROM events WHERE complaint_id = :id AND type = 'MESSAGE_POSTED'")).isZero();

		Answer retry = post("Any news? 0", "key-0").block(Duration.ofSeconds(30));
		assertThat(retry.status().value()).isEqualTo(200);
		assertThat(retry.body()).contains("\"userErrors\":[]");
		assertThat(rows("SELECT count(*) FROM messages WHERE complaint_id = :id")).isOne();
		assertThat(rows("SELECT count(*) FROM events WHERE complaint_id = :id AND type = 'MESSAGE_POSTED'")).isOne();
	}

	@Test
	void aTransactionStillWorkingAtTheRequestsDeadlineIsRolledBack() {
		long complaint = complaintKey();
		RequestDeadline deadline = RequestDeadline.after(Duration.ofMillis(500));
		Mono<Long> slowWork = db.sql("""
				INSERT INTO messages (complaint_id, brand_id, author_kind, visibility, body)
				SELECT id, brand_id, 'SYSTEM', 'PUBLIC', 'written, then too slow' FROM complaints WHERE id = :id""")
				.bind("id", complaint).fetch().rowsUpdated()
				.delayElement(Duration.ofSeconds(2));

		Mono<Long> stopped = transactions.transactional(slowWork).contextWrite(deadline::putIn);

		assertThat(stopped.map(Object.class::cast).onErrorResume(Mono::just).block(Duration.ofSeconds(10)))
				.isInstanceOf(TransactionTimedOutException.class);
		assertThat(rows("SELECT count(*) FROM messages WHERE complaint_id = :id")).isZero();
	}

	@Test
	void theSameWorkWithoutADeadlineCommits() {
		long complaint = complaintKey();
		Mono<Long> work = db.sql("""
				INSERT INTO messages (complaint_id, brand_id, author_kind, visibility, body)
				SELECT id, brand_id, 'SYSTEM', 'PUBLIC', 'written in time' FROM complaints WHERE id = :id""")
				.bind("id", complaint).fetch().rowsUpdated();

		assertThat(transactions.transactional(work).block(Duration.ofSeconds(10))).isOne();
		assertThat(rows("SELECT count(*) FROM messages WHERE complaint_id = :id")).isOne();
	}

	/** Another session takes the whole table, as a long migration or a stuck batch job would. */
	private static Connection lockComplaints() throws SQLException {
		TestDatabase database = TestDatabase.shared();
		Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password());
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("LOCK TABLE complaints IN ACCESS EXCLUSIVE MODE");
		}
		return connection;
	}

	private Mono<Answer> post(String body, String key) {
		Map<String, Object> input = new HashMap<>(Map.of("complaintId", complaintId, "body", body,
				"visibility", "PUBLIC", "idempotencyKey", key));
		return call(consumer, document("postMessage"), Map.of("input", input));
	}

	private Mono<Answer> brandQuery() {
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

	/** Statements of any session waiting for a lock on the complaints table. */
	private Long waitingForComplaints() {
		return db.sql("SELECT count(*) FROM pg_locks WHERE relation = 'complaints'::regclass AND NOT granted")
				.map(row -> row.get(0, Long.class)).one().block();
	}

	private long complaintKey() {
		return GlobalId.decode(complaintId, "Complaint").orElseThrow();
	}

	private Long rows(String countSql) {
		return db.sql(countSql).bind("id", complaintKey()).map(row -> row.get(0, Long.class)).one().block();
	}

	private record Answer(HttpStatusCode status, String body) {
	}
}
