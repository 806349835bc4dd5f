package io.redress.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;

import io.redress.RedressApplication;
import io.redress.testing.CommandLine;
import io.redress.testing.TestDatabase;
import io.redress.testing.TestIssuer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * One server node for a benchmark: an embedded PostgreSQL in a temporary folder (or a database given), a throwaway
 * issuer, quiet logs, and connections as in production (no r2dbc-proxy).
 */
record BenchServer(ConfigurableApplicationContext context, TestIssuer issuer) implements AutoCloseable {

	static BenchServer start(Map<String, String> settings) throws IOException {
		return start(settings, TestDatabase.embedded(Files.createTempDirectory("redress-bench")));
	}

	/** A node on {@code database}, which it migrates if need be. */
	static BenchServer start(Map<String, String> settings, TestDatabase database) {
		TestIssuer issuer = TestIssuer.start(0);
		return new BenchServer(new SpringApplicationBuilder(RedressApplication.class)
				.run(CommandLine.arguments(settings(database, issuer.issuerUri(), settings))), issuer);
	}

	/** A measured node's settings on {@code database}, trusting {@code issuerUri}, then {@code settings} over them. */
	static Map<String, String> settings(TestDatabase database, String issuerUri, Map<String, String> settings) {
		Map<String, String> all = new HashMap<>(Map.of("server.port", "0", "spring.r2dbc.url", database.r2dbcUrl(),
				"spring.r2dbc.username", database.username(), "spring.r2dbc.password", database.password(),
				"spring.security.oauth2.resourceserver.jwt.issuer-uri", issuerUri,
				"spring.security.oauth2.resourceserver.jwt.audiences", TestIssuer.AUDIENCE, "logging.level.root",
				"WARN"));
		// A benchmark is one client on one address measuring the server, not the limits per caller.
		all.putAll(Map.of("redress.limits.cost-per-minute", "1000000000",
				"redress.limits.anonymous-cost-per-minute", "1000000000",
				"redress.limits.widget-requests-per-minute", "1000000000",
				"redress.limits.max-sockets-per-ip", "1000000", "redress.limits.max-sockets-per-principal", "1000000",
				"redress.limits.max-subscriptions-per-ip", "1000000",
				"redress.limits.max-subscriptions-per-principal", "1000000",
				"redress.limits.max-subscriptions-per-node", "1000000"));
		// Spring Boot wraps connections in r2dbc-proxy when it is on the classpath, as it is here (tests count
		// statements with it); production has no proxy, so neither has a measured server.
		all.put("spring.autoconfigure.exclude",
				"org.springframework.boot.r2dbc.autoconfigure.R2dbcProxyAutoConfiguration");
		all.putAll(settings);
		return all;
	}

	String port() {
		return context.getEnvironment().getProperty("local.server.port");
	}

	DatabaseClient db() {
		return context.getBean(DatabaseClient.class);
	}

	/** A verified brand with {@code bench-agent} as its agent; returns its id. */
	long brand(String slug) {
		long id = db().sql("""
				INSERT INTO brands (slug, name, website, domain, status)
				VALUES (:slug, :slug, 'https://' || :slug || '.example', :slug || '.example', 'VERIFIED') RETURNING id""")
				.bind("slug", slug).map(row -> row.get("id", Long.class)).one().block();
		db().sql("INSERT INTO brand_members (brand_id, subject, role) VALUES (:id, 'bench-agent', 'AGENT')")
				.bind("id", id).then().block();
		return id;
	}

	@Override
	public void close() {
		context.close();
		issuer.close();
	}
}
