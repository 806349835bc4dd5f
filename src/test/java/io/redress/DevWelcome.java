package io.redress;

import io.redress.testing.TestIssuer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;

/** Tells the developer where everything is and how to get a token, once the server is ready. */
class DevWelcome implements ApplicationListener<ApplicationReadyEvent> {

	private static final Logger log = LoggerFactory.getLogger(DevWelcome.class);

	private final TestIssuer issuer;

	DevWelcome(TestIssuer issuer) {
		this.issuer = issuer;
	}

	@Override
	public void onApplicationEvent(ApplicationReadyEvent event) {
		String port = event.getApplicationContext().getEnvironment().getProperty("local.server.port", "8080");
		log.info("""


				  Redress is running.
				    GraphQL   http://localhost:{}/graphql
				    GraphiQL  http://localhost:{}/graphiql  (the README's examples as tabs; "Sign in as" a demo user)
				    Brand     http://localhost:{}/brands/acme  (the public page every widget links to)
				    Widget    http://localhost:{}/widgets/acme  (?variant=mini|micro|carousel, ?locale=de; badge: /widgets/acme/badge.svg, script: /widgets/embed.js)
				    Mails     http://localhost:{}/dev/mails  (every mail the server sent, caught by its SMTP server)
				    Issuer    {}
				  Get a token for a demo user (alice, bob, acme-owner, acme-agent, globex-owner, globex-agent, mod, admin):
				    {}
				  Then:
				    curl -s http://localhost:{}/graphql -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d '{"query":"query Viewer { viewer { id publicName } }"}'
				  More examples, run in order: README.md, "Example queries".
				""", port, port, port, port, port, issuer.issuerUri(), tokenCommand(issuer.issuerUri(), "alice"), port);
	}

	/** The README's command for a token (it needs curl and jq); a test keeps the two the same. */
	static String tokenCommand(String issuerUri, String user) {
		return "TOKEN=$(curl -s -X POST " + issuerUri + "/token -d grant_type=client_credentials -d client_id=" + user
				+ " | jq -r .access_token)";
	}
}
