package io.redress.graphql;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.redress.RedressApplication;
import io.redress.testing.CommandLine;
import io.redress.testing.TestDatabase;
import io.redress.testing.TestEnvironment;
import io.redress.testing.TestIssuer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * With {@code redress.limits.store=redis} the budgets live in Redis, so what a caller spends on one node is spent on
 * every node. Needs Redis on 127.0.0.1:6379: skipped without it, except in CI (CI=true), where it runs.
 */
class SharedLimitsTests {

	private static final String REDIS = "redis://127.0.0.1:6379";

	@BeforeAll
	static void redisAnswers() {
		boolean answers = pings();
		if (!answers && "true".equals(System.getenv("CI"))) {
			fail("Redis does not answer on 127.0.0.1:6379, and CI has it");
		}
		assumeTrue(answers, "Redis does not answer on 127.0.0.1:6379");
	}

	@Test
	void aBudgetSpentThroughOneStoreIsSpentForTheOther() {
		Quota quota = Quota.perMinute("test-" + UUID.randomUUID(), 10);
		try (RedisTokenBuckets one = new RedisTokenBuckets(REDIS); RedisTokenBuckets two = new RedisTokenBuckets(REDIS)) {
			assertThat(one.consume(quota, "ip:192.0.2.1", 7).join().allowed()).isTrue();

			Verdict refused = two.consume(quota, "ip:192.0.2.1", 7).join();
			assertThat(refused.allowed()).isFalse();
			assertThat(refused.retryAfterSeconds()).isPositive();
			assertThat(two.consume(quota, "ip:192.0.2.2", 7).join().allowed()).isTrue();
		}
	}

	@Test
	void aCallerRefusedOnOneNodeIsRefusedOnTheOther() {
		// A fresh address: Redis keeps what earlier runs spent until their buckets are full again.
		String address = "203.0." + (int) (Math.random() * 250) + "." + (1 + (int) (Math.random() * 250));
		try (ConfigurableApplicationContext first = node(); ConfigurableApplicationContext second = node()) {
			// 100 per minute for an address, at 5 or more per query: no more than 20 of a burst, plus the refill.
			int served = 0;
			while (served < 100 && query(first, address) == 200) {
				served++;
			}
			assertThat(served).isLessThan(100);

			assertThat(query(second, address)).isEqualTo(429);
		}
	}

	/** A node with its budgets in Redis, trusting X-Forwarded-For so a test can call from an address of its own. */
	private static ConfigurableApplicationContext node() {
		TestDatabase database = TestDatabase.shared();
		Map<String, String> settings = new HashMap<>(Map.of("server.port", "0",
				"spring.r2dbc.url", database.r2dbcUrl(),
				"spring.r2dbc.username", database.username(),
				"spring.r2dbc.password", database.password(),
				"spring.flyway.url", database.jdbcUrl(),
				"spring.flyway.user", database.username(),
				"spring.flyway.password", database.password(),
				"spring.security.oauth2.resourceserver.jwt.issuer-uri", TestEnvironment.issuer().issuerUri(),
				"spring.security.oauth2.resourceserver.jwt.audiences", TestIssuer.AUDIENCE));
		settings.putAll(Map.of("redress.limits.store", "redis", "redress.limits.redis-url", REDIS,
				"redress.limits.anonymous-cost-per-minute", "100", "server.forward-headers-strategy", "framework",
				"redress.realtime.poll-interval", "1h"));
		return new SpringApplicationBuilder(RedressApplication.class).run(CommandLine.arguments(settings));
	}

	private static int query(ConfigurableApplicationContext node, String address) {
		return WebTestClient.bindToServer().responseTimeout(Duration.ofSeconds(30))
				.baseUrl("http://localhost:" + node.getEnvironment().getProperty("local.server.port")).build()
				.post().uri("/graphql").contentType(MediaType.APPLICATION_JSON).header("X-Forwarded-For", address)
				.bodyValue(Map.of("query", "query { __typename }"))
				.exchange().returnResult(String.class).getStatus().value();
	}

	private static boolean pings() {
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress("127.0.0.1", 6379), 1000);
			socket.setSoTimeout(1000);
			OutputStream out = socket.getOutputStream();
			out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			byte[] answer = new byte[5];
			return in.readNBytes(answer, 0, 5) == 5 && "+PONG".equals(new String(answer, StandardCharsets.US_ASCII));
		}
		catch (IOException ex) {
			return false;
		}
	}
}
