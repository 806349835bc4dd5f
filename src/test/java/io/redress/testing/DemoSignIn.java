package io.redress.testing;

import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * GraphiQL's "Sign in as" on the dev server: lists the demo users and hands out a token for one of them, signed by
 * the local issuer in this process. It lives in test code, so the packaged server has no such endpoint; the dev
 * application tells GraphiQL its path ({@code redress.dev.graphiql-sign-in}).
 */
public final class DemoSignIn {

	public static final String PATH = "/graphiql/demo-sign-in";

	/** The users of the demo data ({@code DemoData}), consumers first, then brand teams, then the platform's. */
	public static final List<String> USERS = List.of("alice", "bob", "acme-owner", "acme-agent", "acme-helpdesk",
			"globex-owner", "globex-agent", "mod", "admin");

	private final TestIssuer issuer;

	public DemoSignIn(TestIssuer issuer) {
		this.issuer = issuer;
	}

	/** {@code GET} lists the users; {@code POST {"user": "alice"}} answers with a token as the issuer's /token does. */
	public RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
				.GET(PATH, request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
						.bodyValue(Map.of("users", USERS)))
				.POST(PATH, this::token)
				.build();
	}

	private Mono<ServerResponse> token(ServerRequest request) {
		return request.bodyToMono(SignIn.class).map(SignIn::user).filter(USERS::contains)
				.flatMap(user -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON)
						.bodyValue(Map.of("access_token", issuer.demoToken(user), "token_type", "Bearer",
								"expires_in", TestIssuer.TOKEN_LIFETIME.toSeconds())))
				.switchIfEmpty(Mono.defer(() -> ServerResponse.badRequest().contentType(MediaType.APPLICATION_JSON)
						.bodyValue(Map.of("error", "send {\"user\": \"<demo user>\"}, one of " + USERS))));
	}

	record SignIn(String user) {
	}
}
