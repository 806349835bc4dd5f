package io.redress;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import io.redress.testing.CaughtMails;
import io.redress.testing.CommandLine;
import io.redress.testing.DemoSignIn;
import io.redress.testing.DevWebhookReceiver;
import io.redress.testing.TestDatabase;
import io.redress.testing.TestIssuer;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The local default, started by {@code ./mvnw spring-boot:test-run}: the real server with an embedded PostgreSQL
 * (data kept in {@code .redress-dev/}), a local OpenID issuer on port 9000, an SMTP server on port 3025 whose mails
 * show at {@code /dev/mails}, GraphiQL (with "Sign in as" a demo user), and demo data.
 */
public class RedressDevApplication {

	public static void main(String[] args) {
		TestDatabase database = TestDatabase.embedded(Path.of(".redress-dev", "postgres").toAbsolutePath());
		TestIssuer issuer = TestIssuer.start(Integer.parseInt(System.getProperty("redress.dev.issuer-port", "9000")));
		start(database, issuer, CaughtMails.start(Integer.parseInt(System.getProperty("redress.dev.smtp-port", "3025"))),
				args);
	}

	/**
	 * The dev server on {@code database}, trusting {@code issuer}, with an SMTP server on any free port; the README's
	 * examples run against it too.
	 */
	static ConfigurableApplicationContext start(TestDatabase database, TestIssuer issuer, String... args) {
		return start(database, issuer, CaughtMails.start(0), args);
	}

	private static ConfigurableApplicationContext start(TestDatabase database, TestIssuer issuer, CaughtMails mails,
			String... args) {
		Map<String, String> settings = new HashMap<>();
		settings.put("spring.r2dbc.url", database.r2dbcUrl());
		settings.put("spring.r2dbc.username", database.username());
		settings.put("spring.r2dbc.password", database.password());
		settings.put("spring.security.oauth2.resourceserver.jwt.issuer-uri", issuer.issuerUri());
		settings.put("spring.security.oauth2.resourceserver.jwt.audiences", TestIssuer.AUDIENCE);
		settings.put("spring.graphql.graphiql.enabled", "true");
		settings.put("redress.dev.graphiql-sign-in", DemoSignIn.PATH);
		settings.put("redress.security.cors-allowed-origins", "http://localhost:5173");
		// Friendly for development: GraphiQL's own page opens the WebSocket, and anyone may introspect.
		settings.put("redress.graphql.websocket-allowed-origins", "*");
		settings.put("redress.security.anonymous-introspection", "true");
		// Webhooks may reach this machine, over http, so the dev server's own receiver (DevWebhookReceiver) works.
		settings.put("redress.webhooks.allowed-private-networks", "127.0.0.0/8, ::1/128");
		// Mails go to the embedded SMTP server, shown at /dev/mails; unsubscribe links hold across restarts.
		settings.put("spring.mail.host", "127.0.0.1");
		settings.put("spring.mail.port", Integer.toString(mails.port()));
		settings.put("redress.notifications.signing-key", "dev-server-key-not-a-secret-0123456789");
		settings.put("redress.notifications.send-interval", "1s");
		SpringApplication application = new SpringApplication(RedressApplication.class, DemoData.class);
		application.addListeners(new DevWelcome(issuer));
		application.addInitializers(context -> {
			context.getBeanFactory().registerSingleton("demoSignIn", new DemoSignIn(issuer).routes());
			context.getBeanFactory().registerSingleton("caughtMails", mails.routes());
			context.getBeanFactory().registerSingleton("devWebhookReceiver", new DevWebhookReceiver().routes());
			context.addApplicationListener((ContextClosedEvent closed) -> mails.close());
		});
		// As arguments, the dev settings outrank application.yaml; the developer's own arguments come last and win.
		return application.run(Stream.concat(Arrays.stream(CommandLine.arguments(settings)), Arrays.stream(args))
				.toArray(String[]::new));
	}
}
