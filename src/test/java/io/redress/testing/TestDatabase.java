package io.redress.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place tests get a database from: an existing server when {@code TEST_DATABASE_URL} is set
 * ({@code postgresql://user:password@host:port/database}), Testcontainers when Docker answers, an embedded
 * PostgreSQL otherwise. Started once per JVM; each test suite gets a fresh database on it.
 */
public record TestDatabase(String host, int port, String database, String username, String password) {

	private static TestDatabase shared;

	public static synchronized TestDatabase shared() {
		if (shared == null) {
			shared = start().withFreshDatabase("redress_test_" + ProcessHandle.current().pid());
		}
		return shared;
	}

	public String r2dbcUrl() {
		return "r2dbc:postgresql://" + host + ":" + port + "/" + database;
	}

	public String jdbcUrl() {
		return "jdbc:postgresql://" + host + ":" + port + "/" + database;
	}

	private static TestDatabase start() {
		String url = System.getenv("TEST_DATABASE_URL");
		if (url != null && !url.isBlank()) {
			return fromUrl(url);
		}
		if (DockerClientFactory.instance().isDockerAvailable()) {
			PostgreSQLContainer container = new PostgreSQLContainer("postgres:17-alpine");
			container.start();
			return new TestDatabase(container.getHost(), container.getMappedPort(5432), container.getDatabaseName(),
					container.getUsername(), container.getPassword());
		}
		return embedded(null);
	}

	/** An embedded PostgreSQL; with a data directory its data survives restarts (the dev-time server uses that). */
	public static TestDatabase embedded(Path dataDirectory) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			if (dataDirectory != null) {
				builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
			}
			EmbeddedPostgres postgres = builder.start();
			return new TestDatabase("localhost", postgres.getPort(), "postgres", "postgres", "");
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start an embedded PostgreSQL", ex);
		}
	}

	static TestDatabase fromUrl(String url) {
		URI uri = URI.create(url);
		String userInfo = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo();
		int colon = userInfo.indexOf(':');
		return new TestDatabase(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), uri.getPath().substring(1),
				colon < 0 ? userInfo : userInfo.substring(0, colon), colon < 0 ? "" : userInfo.substring(colon + 1));
	}

	/** Creates (or re-creates) a database on the same server, so suites never see each other's leftovers. */
	public TestDatabase withFreshDatabase(String name) {
		try (Connection connection = DriverManager.getConnection(jdbcUrl(), username, password);
				Statement statement = connection.createStatement()) {
			statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			statement.execute("CREATE DATABASE " + name);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create the test database " + name, ex);
		}
		return new TestDatabase(host, port, name, username, password);
	}
}
