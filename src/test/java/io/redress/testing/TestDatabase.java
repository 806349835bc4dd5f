package io.redress.testing;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * The one place tests get a database from: an existing server when {@code TEST_DATABASE_URL} is set
 * ({@code postgresql://user:password@host:port/database}), Testcontainers when Docker answers, an embedded
 * PostgreSQL otherwise. Started once per JVM; each test suite gets a fresh database on it.
 */
public record TestDatabase(String host, int port, String database, String username, String password) {

	/** The major version tests run on: Testcontainers' image, and the embedded binaries pom.xml picks. */
	static final String POSTGRES_MAJOR = "17";

	private static final String IMAGE = "postgres:" + POSTGRES_MAJOR + "-alpine";

	private static final Logger logger = LoggerFactory.getLogger(TestDatabase.class);

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
			TestDatabase database = fromUrl(url);
			logger.info("TEST_DATABASE_URL is set: tests use the PostgreSQL at {}:{}", database.host(), database.port());
			return database;
		}
		// Testcontainers' own reports of a missing engine are silenced in logback-test.xml: this line says it once.
		if (DockerClientFactory.instance().isDockerAvailable()) {
			logger.info("Docker engine found: tests use Testcontainers' {}", IMAGE);
			PostgreSQLContainer container = new PostgreSQLContainer(IMAGE);
			container.start();
			return new TestDatabase(container.getHost(), container.getMappedPort(5432), container.getDatabaseName(),
					container.getUsername(), container.getPassword());
		}
		logger.info("No Docker engine: tests use an embedded PostgreSQL {}", POSTGRES_MAJOR);
		return embedded(null);
	}

	/** An embedded PostgreSQL; with a data directory its data survives restarts (the dev-time server uses that). */
	public static TestDatabase embedded(Path dataDirectory) {
		return embedded(dataDirectory, Map.of());
	}

	/** An embedded PostgreSQL with settings of its own (postgresql.conf), such as libraries to preload. */
	public static TestDatabase embedded(Path dataDirectory, Map<String, String> serverConfig) {
		EmbeddedPostgres postgres = startEmbedded(dataDirectory, serverConfig);
		return new TestDatabase("localhost", postgres.getPort(), "postgres", "postgres", "");
	}

	/** The embedded server itself, for a caller that stops it. */
	static EmbeddedPostgres startEmbedded(Path dataDirectory) {
		return startEmbedded(dataDirectory, Map.of());
	}

	private static EmbeddedPostgres startEmbedded(Path dataDirectory, Map<String, String> serverConfig) {
		try {
			EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder();
			serverConfig.forEach(builder::setServerConfig);
			if (dataDirectory != null) {
				setAsideIfOtherMajor(dataDirectory);
				builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false);
			}
			return builder.start();
		}
		catch (IOException ex) {
			throw new IllegalStateException("Could not start an embedded PostgreSQL", ex);
		}
	}

	/**
	 * PostgreSQL opens only data of its own major version, and the dev server's folder may hold an older one (it
	 * embedded PostgreSQL 14 before): that folder is moved aside, never deleted, and a fresh one is made.
	 */
	private static void setAsideIfOtherMajor(Path dataDirectory) throws IOException {
		Path versionFile = dataDirectory.resolve("PG_VERSION");
		if (!Files.isRegularFile(versionFile)) {
			return;
		}
		String major = Files.readString(versionFile).strip();
		if (!major.equals(POSTGRES_MAJOR)) {
			Path aside = dataDirectory.resolveSibling(dataDirectory.getFileName() + "-" + major);
			Files.move(dataDirectory, aside);
			logger.warn("{} held PostgreSQL {} data, which PostgreSQL {} cannot open: moved it to {}, starting afresh",
					dataDirectory, major, POSTGRES_MAJOR, aside);
		}
	}

	/** A database given as {@code postgresql://user:password@host:port/database}. */
	public static TestDatabase fromUrl(String url) {
		URI uri = URI.create(url);
		String userInfo = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo();
		int colon = userInfo.indexOf(':');
		return new TestDatabase(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), uri.getPath().substring(1),
				colon < 0 ? userInfo : userInfo.substring(0, colon), colon < 0 ? "" : userInfo.substring(colon + 1));
	}

	/**
	 * Another session takes the whole table, as a long migration or a stuck batch job would; closing the connection
	 * (or rolling it back) frees it.
	 */
	public Connection lockTable(String table) throws SQLException {
		Connection connection = DriverManager.getConnection(jdbcUrl(), username, password);
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
		}
		return connection;
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
