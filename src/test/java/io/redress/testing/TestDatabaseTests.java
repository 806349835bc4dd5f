package io.redress.testing;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Tests, the dev server and Docker all run the same PostgreSQL major version. */
class TestDatabaseTests {

	@Test
	void testsRunOnPostgreSql17() throws SQLException {
		assumeTrue(System.getenv("TEST_DATABASE_URL") == null, "TEST_DATABASE_URL names a server of its own");
		TestDatabase database = TestDatabase.shared();
		try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.username(),
				database.password())) {
			assertThat(serverVersion(connection)).startsWith(TestDatabase.POSTGRES_MAJOR + ".");
		}
	}

	@Test
	void embeddedServerIsPostgreSql17AndSetsAsideDataOfAnOlderOne(@TempDir Path folder) throws Exception {
		Path data = folder.resolve("postgres");
		Files.createDirectories(data);
		Files.writeString(data.resolve("PG_VERSION"), "14\n");

		try (EmbeddedPostgres postgres = TestDatabase.startEmbedded(data);
				Connection connection = postgres.getPostgresDatabase().getConnection()) {
			assertThat(serverVersion(connection)).startsWith("17.");
		}
		assertThat(folder.resolve("postgres-14").resolve("PG_VERSION")).hasContent("14");
		assertThat(data.resolve("PG_VERSION")).hasContent("17");
	}

	private static String serverVersion(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SHOW server_version")) {
			result.next();
			return result.getString(1);
		}
	}
}
