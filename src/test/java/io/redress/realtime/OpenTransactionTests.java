package io.redress.realtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.redress.ApiTest;
import io.redress.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.test.StepVerifier;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction left open elsewhere on the server (a report, a migration, a stuck session) holds no live event back:
 * an event committed meanwhile reaches its subscriber while that transaction is still open.
 */
class OpenTransactionTests extends ApiTest {

	private static final AtomicLong STREAMS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000 + 500);

	@Autowired
	EventLog log;

	@Autowired
	EventStreams streams;

	@Autowired
	TransactionalOperator tx;

	@Test
	void eventIsDeliveredWhileATransactionInTheSameDatabaseIsOpen() throws SQLException {
		assertDeliveredWhileOpen(TestDatabase.shared());
	}

	@Test
	void eventIsDeliveredWhileATransactionInAnotherDatabaseOfTheServerIsOpen() throws SQLException {
		assertDeliveredWhileOpen(TestDatabase.shared().withFreshDatabase("redress_elsewhere"));
	}

	/** Opens a transaction that has an xid (so it is the oldest running one), then commits an event and waits for it. */
	private void assertDeliveredWhileOpen(TestDatabase elsewhere) throws SQLException {
		long stream = STREAMS.incrementAndGet();
		try (Connection open = DriverManager.getConnection(elsewhere.jdbcUrl(), elsewhere.username(),
				elsewhere.password())) {
			open.setAutoCommit(false);
			long openXid = currentXid(open);

			StepVerifier.create(streams.follow(EventFilter.brand(stream), EventCursor.START.encoded()).take(1))
					.then(() -> tx.transactional(log.append(
							new NewEvent(TestEvent.WHILE_OPEN, stream, null, null, Visibility.PUBLIC, Map.of())))
							.block(Duration.ofSeconds(10)))
					.expectNextMatches(event -> event.is(TestEvent.WHILE_OPEN))
					// Not a latency bound: only how long to wait before calling the event lost. It was held back
					// until the open transaction ended before the log had positions, i.e. for ever here.
					.expectComplete()
					.verify(Duration.ofSeconds(60));

			// The same xid: the transaction was open all along, from before the event's commit to its delivery.
			assertThat(currentXid(open)).isEqualTo(openXid);
			open.rollback();
		}
	}

	private static long currentXid(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT txid_current()")) {
			result.next();
			return result.getLong(1);
		}
	}

	/** The event type of this test alone: the log stores any module's types by name. */
	private enum TestEvent implements EventType {
		WHILE_OPEN
	}
}
