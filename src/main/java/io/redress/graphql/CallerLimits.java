package io.redress.graphql;

import java.net.InetSocketAddress;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * Applies the limits per caller to every GraphQL request, over HTTP, Server-Sent Events and WebSocket alike: names
 * the caller for {@link OperationCharge} (which charges the budgets), counts sockets and subscriptions against their
 * caps, and marks refused HTTP requests for status 429. Runs after the WebSocket authentication, so a socket's caller
 * is the one its {@code connection_init} token names.
 */
@Component
class CallerLimits implements WebGraphQlInterceptor, Ordered {

	private final SocketLimits sockets;
	private final SubscriptionCap subscriptions;
	private final LimitSettings settings;

	CallerLimits(SocketLimits sockets, SubscriptionCap subscriptions, LimitSettings settings) {
		this.sockets = sockets;
		this.subscriptions = subscriptions;
		this.settings = settings;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return Caller.of(remoteAddress(request)).flatMap(caller -> {
			if (request instanceof WebSocketGraphQlRequest socketRequest
					&& !sockets.admit(socketRequest.getSessionInfo().getAttributes(), caller)) {
				return Mono.just(RateLimited.refusal(request, RateLimited.error("At most "
						+ settings.maxSocketsPerPrincipal() + " connections per caller; this one is closed")));
			}
			request.configureExecutionInput((input, builder) -> builder
					.graphQLContext(Map.of(OperationCharge.CALLER, caller)).build());
			return chain.next(request).map(response -> RateLimited.of(response)
					.map(error -> RateLimited.refusal(request, error))
					.orElseGet(() -> subscriptions.admit(request, caller, response)));
		});
	}

	private static InetSocketAddress remoteAddress(WebGraphQlRequest request) {
		return request instanceof WebSocketGraphQlRequest socketRequest
				? socketRequest.getSessionInfo().getRemoteAddress() : request.getRemoteAddress();
	}

	/** After the WebSocket authentication (highest precedence), before everything else. */
	@Override
	public int getOrder() {
		return 0;
	}
}
