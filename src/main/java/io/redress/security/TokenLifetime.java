package io.redress.security;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionPublisherException;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.stereotype.Component;

/**
 * A subscription must not outlive the token it was opened with, whether it runs on a WebSocket (authenticated once,
 * at connection_init) or as a Server-Sent-Event stream (authenticated once, by the request that opened it):
 * operations after expiry are refused and running subscriptions end with UNAUTHORIZED when the token expires. The
 * client reconnects with a fresh token and resumes from its last cursor.
 */
@Component
class TokenLifetime implements WebGraphQlInterceptor, Ordered {

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return ReactiveSecurityContextHolder.getContext()
				.map(SecurityContext::getAuthentication)
				.filter(ViewerAuthentication.class::isInstance)
				.map(authentication -> ((ViewerAuthentication) authentication).getToken().getExpiresAt())
				.flatMap(expiresAt -> request instanceof WebSocketGraphQlRequest && expiresAt.isBefore(Instant.now())
						? Mono.just(expired(request))
						: chain.next(request).map(response -> endingAt(response, expiresAt)))
				.switchIfEmpty(Mono.defer(() -> chain.next(request)));
	}

	private static WebGraphQlResponse endingAt(WebGraphQlResponse response, Instant expiresAt) {
		if (!(response.getExecutionResult().getData() instanceof Publisher<?> events)) {
			return response;
		}
		return response.transform(builder -> builder.data(untilExpiry(events, expiresAt)));
	}

	/**
	 * The events until the token expires, then the UNAUTHORIZED error. A stream that ends first (its subscriber's
	 * account was erased, say) completes at once: the expiry only cuts it short, it never holds it open.
	 */
	private static Flux<Object> untilExpiry(Publisher<?> events, Instant expiresAt) {
		return Flux.defer(() -> {
			AtomicBoolean expired = new AtomicBoolean();
			// A token may pass validation within its clock skew after it expired: such a stream ends at once.
			Duration left = Duration.between(Instant.now(), expiresAt);
			Mono<Long> expiry = Mono.delay(left.isNegative() ? Duration.ZERO : left)
					.doOnNext(tick -> expired.set(true));
			return Flux.from(events).cast(Object.class).takeUntilOther(expiry)
					.concatWith(Mono.defer(() -> expired.get()
							? Mono.error(new SubscriptionPublisherException(List.of(expiredError()), null))
							: Mono.empty()));
		});
	}

	private static WebGraphQlResponse expired(WebGraphQlRequest request) {
		ExecutionResult result = ExecutionResult.newExecutionResult().addError(expiredError()).build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	private static GraphQLError expiredError() {
		return GraphqlErrorBuilder.newError().errorType(ErrorType.UNAUTHORIZED)
				.message("The token of this connection has expired; reconnect with a fresh one and resume after "
						+ "your last cursor")
				.build();
	}

	@Override
	public int getOrder() {
		return 0;
	}
}
