package io.redress.realtime;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import io.redress.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The upgrade to positions on a log that already has events: those any old reader could have seen are numbered in
 * the old (xid, id) order, so old cursors map exactly; the rest are left to the sequencer; followers go on from there.
 */
class EventUpgradeTests {

	@Test
	void upgradeNumbersSettledEventsInTheOldOrderAndLeavesTheRestToTheSequencer() throws SQLException {
		TestDatabase database = TestDatabase.shared().withFreshDatabase("redress_upgrade");
		migrate(database, "16");
		try (Connection earlier = connect(database); Connection later = connect(database);
				Connection open = connect(database)) {
			// Committed out of xid order: "first" has the smaller xid but the larger id.
			earlier.setAutoCommit(false);
			long firstXid = single(earlier, "SELECT txid_current()");
			execute(later, "INSERT INTO events (brand_id, type, visibility) VALUES (1, 'SECOND', 'PUBLIC')");
			execute(earlier, "INSERT INTO events (brand_id, type, visibility) VALUES (1, 'FIRST', 'PUBLIC')");
			earlier.commit();
			long firstId = single(later, "SELECT id FROM events WHERE type = 'FIRST'");
			// The score keeper had applied "first"; the signal watch had never run.
			execute(later, "UPDATE score_feed SET xid = " + firstXid + ", event_id = " + firstId);
			// A transaction running during the upgrade: an event committed after it began is above the horizon.
			open.setAutoCommit(false);
			long openXid = single(open, "SELECT txid_current()");
			execute(later, "INSERT INTO events (brand_id, type, visibility) VALUES (1, 'THIRD', 'PUBLIC')");

			migrate(database, "18");

			assertThat(rows(later, "SELECT type || ':' || coalesce(position::text, '-') FROM events ORDER BY id"))
					.containsExactly("SECOND:2", "FIRST:1", "THIRD:-");
			assertThat(single(later, "SELECT legacy_horizon FROM event_sequence")).isEqualTo(openXid);
			assertThat(single(later, "SELECT last_position FROM event_sequence")).isEqualTo(2);
			assertThat(single(later, "SELECT position FROM score_feed")).isEqualTo(1);
			assertThat(single(later, "SELECT position FROM signal_feed")).isZero();
			// The indexes are built concurrently, which waits for the transactions older than the build to end.
			open.rollback();
			migrate(database, "latest");
			assertThat(single(later, "SELECT count(*) FROM pg_index WHERE indrelid = 'events'::regclass AND NOT indisvalid"))
					.isZero();
		}
	}

	private static void migrate(TestDatabase database, String target) {
		Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
				.locations("classpath:db/migration").target(target)
				// As the application configures it (application.yaml), for V18_1's concurrent index builds.
				.configuration(java.util.Map.of("flyway.postgresql.transactional.lock", "false")).load().migrate();
	}

	private static Connection connect(TestDatabase database) throws SQLException {
		return DriverManager.getConnection(database.jdbcUrl(), database.username(), database.password());
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	private static long single(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static List<String> rows(Connection connection, String sql) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(sql)) {
			while (result.next()) {
				rows.add(result.getString(1));
			}
		}
		return rows;
	}
}
