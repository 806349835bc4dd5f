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
 * The sequencer's lease: while another node holds it, this one numbers nothing (so two nodes never give out the same
 * positions); when the holder dies, its lease dies with its session and the events it left are numbered and delivered.
 */
class SequencerLeaseTests extends ApiTest {

	private static final AtomicLong STREAMS = new AtomicLong(System.nanoTime() % 1_000_000_000L * 1000 + 900);

	@Autowired
	EventLog log;

	@Autowired
	EventStreams streams;

	@Autowired
	EventSequencer sequencer;

	@Autowired
	TransactionalOperator tx;

	@Test
	void nothingIsNumberedWhileAnotherNodeHoldsTheLeaseAndTheHoldersDeathHandsItOver() throws SQLException {
		long stream = STREAMS.incrementAndGet();
		TestDatabase database = TestDatabase.shared();
		try (Connection otherNode = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password())) {
			otherNode.setAutoCommit(false);
			// The lease as another node's sequencer takes it, held as if that node hung mid-batch.
			long otherNodePid = single(otherNode, "SELECT pg_backend_pid()");
			single(otherNode, "SELECT 1 FROM (SELECT pg_advisory_xact_lock(1504, 0)) lease");

			tx.transactional(log.append(new NewEvent(TestEvent.WHILE_LEASED, stream, null, null, Visibility.PUBLIC,
					Map.of()))).block(Duration.ofSeconds(10));
			sequencer.numberAll().block(Duration.ofSeconds(10));
			assertThat(unnumbered(stream)).isOne();

			StepVerifier.create(streams.follow(EventFilter.brand(stream), EventCursor.START.encoded()).take(1))
					.then(() -> db.sql("SELECT pg_terminate_backend(:pid)").bind("pid", (int) otherNodePid).then()
							.block(Duration.ofSeconds(10)))
					.expectNextMatches(event -> event.is(TestEvent.WHILE_LEASED))
					.expectComplete()
					// How long to wait before calling the event lost; the poll numbers it within a second.
					.verify(Duration.ofSeconds(60));
		}
	}

	private long unnumbered(long stream) {
		return db.sql("SELECT count(*) FROM events WHERE brand_id = :stream AND position IS NULL")
				.bind("stream", stream).map(row -> row.get(0, Long.class)).one().block(Duration.ofSeconds(10));
	}

	private static long single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	/** The event type of this test alone: the log stores any module's types by name. */
	private enum TestEvent implements EventType {
		WHILE_LEASED
	}
}
