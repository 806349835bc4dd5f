package io.redress.testing;

import org.springframework.test.context.DynamicPropertyRegistry;

/** The issuer and database every full-stack test shares, started once per JVM. */
public final class TestEnvironment {

	private static TestIssuer issuer;

	private TestEnvironment() {
	}

	public static synchronized TestIssuer issuer() {
		if (issuer == null) {
			issuer = TestIssuer.start(0);
		}
		return issuer;
	}

	public static void register(DynamicPropertyRegistry registry) {
		TestDatabase database = TestDatabase.shared();
		registry.add("spring.r2dbc.url", database::r2dbcUrl);
		registry.add("spring.r2dbc.username", database::username);
		registry.add("spring.r2dbc.password", database::password);
		registry.add("spring.flyway.url", database::jdbcUrl);
		registry.add("spring.flyway.user", database::username);
		registry.add("spring.flyway.password", database::password);
		registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer().issuerUri());
		registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> TestIssuer.AUDIENCE);
		registry.add("server.shutdown", () -> IMMEDIATE_SHUTDOWN);
	}

	/**
	 * The test JVM closes every cached context at exit; a graceful shutdown would wait out each one's open sockets
	 * and streams in turn, and the build would kill the JVM after 30 s of it.
	 */
	public static final String IMMEDIATE_SHUTDOWN = "immediate";
}
