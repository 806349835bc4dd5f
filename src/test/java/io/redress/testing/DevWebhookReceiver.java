package io.redress.testing;

import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * A webhook receiver on the dev server, so a newcomer sees deliveries arrive without running one: {@code POST}
 * keeps the last 50 deliveries (headers and body) and answers 204; {@code GET} lists them, oldest first. It lives in
 * test code, so the packaged server has no such endpoint.
 */
public final class DevWebhookReceiver {

	public static final String PATH = "/dev/webhooks";

	private static final int KEPT = 50;

	private final Deque<Map<String, Object>> received = new ArrayDeque<>();

	public RouterFunction<ServerResponse> routes() {
		return RouterFunctions.route()
				.GET(PATH, request -> ServerResponse.ok().contentType(MediaType.APPLICATION_JSON).bodyValue(list()))
				.POST(PATH, this::receive)
				.build();
	}

	private Mono<ServerResponse> receive(ServerRequest request) {
		return request.bodyToMono(String.class).defaultIfEmpty("").flatMap(body -> {
			Map<String, Object> delivery = Map.of("receivedAt", OffsetDateTime.now().toString(),
					"webhook-id", header(request, "webhook-id"), "webhook-timestamp", header(request, "webhook-timestamp"),
					"webhook-signature", header(request, "webhook-signature"), "body", body);
			synchronized (received) {
				received.addLast(delivery);
				while (received.size() > KEPT) {
					received.removeFirst();
				}
			}
			return ServerResponse.noContent().build();
		});
	}

	private List<Map<String, Object>> list() {
		synchronized (received) {
			return List.copyOf(received);
		}
	}

	private static String header(ServerRequest request, String name) {
		return request.headers().firstHeader(name) == null ? "" : request.headers().firstHeader(name);
	}
}
