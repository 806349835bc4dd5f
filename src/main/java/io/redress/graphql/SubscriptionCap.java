package io.redress.graphql;

import java.util.Optional;

import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;

import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.stereotype.Component;

/**
 * Caps the subscriptions held at once: per WebSocket, per signed-in caller and per IP address across all their
 * sockets and streams, Server-Sent Event streams per caller and per IP address, and in all on this node, below the
 * point where their buffers would put the heap in danger (each holds about 25 KB). A subscription holds its places
 * until its stream ends; one over a cap gets a {@code RATE_LIMITED} error instead of events.
 */
@Component
class SubscriptionCap {

	private static final String NODE = "node";

	private final Occupancy perSocket = new Occupancy();
	private final Occupancy perPrincipal = new Occupancy();
	private final Occupancy perIp = new Occupancy();
	private final Occupancy streamsPerPrincipal = new Occupancy();
	private final Occupancy streamsPerIp = new Occupancy();
	private final Occupancy node = new Occupancy();
	private final int maxPerSocket;
	private final int maxPerNode;
	private final LimitSettings settings;

	SubscriptionCap(GraphQlSettings graphQlSettings, LimitSettings settings) {
		this.maxPerSocket = graphQlSettings.maxSubscriptionsPerSocket();
		this.maxPerNode = settings.subscriptionsPerNode();
		this.settings = settings;
	}

	/** Lets a subscription's events through while it holds its places; refuses one over a cap. */
	WebGraphQlResponse admit(WebGraphQlRequest request, Caller caller, WebGraphQlResponse response) {
		if (!(response.getExecutionResult().getData() instanceof Publisher<?> events)) {
			return response;
		}
		Places places = new Places();
		if (request instanceof WebSocketGraphQlRequest socketRequest) {
			places.take(perSocket, socketRequest.getSessionInfo().getId(), maxPerSocket,
					"At most " + maxPerSocket + " subscriptions per connection; complete one first");
		}
		else {
			if (caller.signedIn()) {
				places.take(streamsPerPrincipal, caller.key(), settings.maxStreamsPerPrincipal(),
						"At most " + settings.maxStreamsPerPrincipal() + " event streams per caller");
			}
			places.take(streamsPerIp, caller.ip(), settings.maxStreamsPerIp(),
					"At most " + settings.maxStreamsPerIp() + " event streams per address");
		}
		if (caller.signedIn()) {
			places.take(perPrincipal, caller.key(), settings.maxSubscriptionsPerPrincipal(),
					"At most " + settings.maxSubscriptionsPerPrincipal() + " subscriptions per caller");
		}
		places.take(perIp, caller.ip(), settings.maxSubscriptionsPerIp(),
				"At most " + settings.maxSubscriptionsPerIp() + " subscriptions per address")
				.take(node, NODE, maxPerNode, "This server holds all the subscriptions it can; try again later");
		Optional<String> refusal = places.refusal();
		if (refusal.isPresent()) {
			return RateLimited.refusal(request, RateLimited.error(refusal.get()));
		}
		Flux<?> counted = Flux.from(events).doFinally(signal -> places.release());
		return response.transform(builder -> builder.data(counted));
	}

	/** Places for a live widget stream: it counts against its IP address's streams and the node's ceiling. */
	Places widgetStream(String ip) {
		return new Places()
				.take(streamsPerIp, ip, settings.maxStreamsPerIp(),
						"At most " + settings.maxStreamsPerIp() + " event streams per address")
				.take(node, NODE, maxPerNode, "This server holds all the streams it can");
	}
}
