package io.redress.graphql;

import java.util.List;
import java.util.Optional;

import reactor.core.publisher.Mono;

import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * Limits the anonymous widget endpoints and public pages ({@code /brands/}, {@code /complaints/}) per IP address, with the same buckets as the GraphQL budgets: requests per
 * minute (so guessing slugs costs the guesser, not the server), and live streams held open, which also count
 * against the node's ceiling. A refusal is a bare 429 with {@code Retry-After}.
 */
@Component
class WidgetLimits implements WebFilter {

	private static final String NAME = WidgetLimits.class.getName();

	private static final List<String> LIMITED = List.of("/widgets/", "/brands/", "/complaints/");

	private final TokenBuckets buckets;
	private final SubscriptionCap subscriptions;
	private final Quota quota;

	WidgetLimits(TokenBuckets buckets, SubscriptionCap subscriptions, LimitSettings settings) {
		this.buckets = buckets;
		this.subscriptions = subscriptions;
		this.quota = Quota.perMinute("widgets", settings.widgetRequestsPerMinute());
	}

	@Override
	public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
		String path = exchange.getRequest().getPath().value();
		if (LIMITED.stream().noneMatch(path::startsWith)) {
			return chain.filter(exchange);
		}
		String ip = Caller.ip(exchange.getRequest().getRemoteAddress());
		return Mono.fromFuture(() -> buckets.consume(quota, ip, 1)).flatMap(verdict -> {
			if (!verdict.allowed()) {
				return refuse(exchange, verdict.retryAfterSeconds());
			}
			if (!path.endsWith("/live")) {
				return chain.filter(exchange);
			}
			Places places = subscriptions.widgetStream(ip);
			Optional<String> refusal = places.refusal();
			if (refusal.isPresent()) {
				return refuse(exchange, SocketLimits.CAP_RETRY_AFTER);
			}
			// The chain ends when the stream does, or when the browser goes away.
			return chain.filter(exchange).doFinally(signal -> places.release());
		});
	}

	private static Mono<Void> refuse(ServerWebExchange exchange, long retryAfterSeconds) {
		ErrorStatus.tooManyRequests(exchange, retryAfterSeconds);
		exchange.getResponse().getHeaders().set("Access-Control-Allow-Origin", "*");
		return exchange.getResponse().setComplete();
	}

	/**
	 * Spring's filter chain names each filter in a Reactor checkpoint on every request; a fixed name spares it
	 * {@code Object.toString()}'s hash and concatenation each time.
	 */
	@Override
	public String toString() {
		return NAME;
	}
}
