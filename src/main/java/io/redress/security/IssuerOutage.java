package io.redress.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeoutException;

import io.redress.shared.Outage;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;

/**
 * A token that cannot be checked because the issuer's keys cannot be fetched (the issuer is down or unreachable)
 * is an outage, not a bad token: over HTTP {@code 503} with {@code Retry-After} and a GraphQL-shaped UNAVAILABLE
 * error, and one WARN line per outage. A bad token is still {@code 401}.
 */
final class IssuerOutage {

	static final String RETRY_AFTER_SECONDS = "5";

	static final String MESSAGE = "The token issuer is unreachable, so the token cannot be checked; try again shortly";

	private static final byte[] BODY = ("{\"errors\":[{\"message\":\"" + MESSAGE
			+ "\",\"extensions\":{\"classification\":\"UNAVAILABLE\"}}]}").getBytes(StandardCharsets.UTF_8);

	private final Outage outage = new Outage("token issuer");

	/**
	 * The manager, with a failure to reach the issuer (its discovery document or key set could not be read) made an
	 * {@link AuthenticationServiceException} and recorded as an outage.
	 */
	ReactiveAuthenticationManager watching(ReactiveAuthenticationManager manager) {
		return authentication -> manager.authenticate(authentication)
				.doOnNext(authenticated -> outage.reachable())
				.onErrorMap(ex -> !(ex instanceof AuthenticationException) && unreachable(ex),
						ex -> new AuthenticationServiceException(MESSAGE, ex))
				.doOnError(AuthenticationServiceException.class, ex -> {
					if (unreachable(ex)) {
						outage.failed(ex);
					}
				});
	}

	/** 503 for an outage, the resource server's usual {@code 401} with {@code WWW-Authenticate} otherwise. */
	ServerAuthenticationFailureHandler failureHandler() {
		ServerAuthenticationFailureHandler badToken = new ServerAuthenticationEntryPointFailureHandler(
				new BearerTokenServerAuthenticationEntryPoint());
		return (WebFilterExchange exchange, AuthenticationException ex) -> {
			if (!(ex instanceof AuthenticationServiceException) || !unreachable(ex)) {
				return badToken.onAuthenticationFailure(exchange, ex);
			}
			ServerHttpResponse response = exchange.getExchange().getResponse();
			response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
			response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
			response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
			return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(BODY)));
		};
	}

	/**
	 * Whether the failure is the issuer not answering: the lazily read discovery document could not be had, or a
	 * connection to the issuer failed or timed out on the way (any other failure is not an outage).
	 */
	static boolean unreachable(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
			if (cause instanceof JwtDecoderInitializationException || cause instanceof IOException
					|| cause instanceof TimeoutException) {
				return true;
			}
		}
		return false;
	}
}
