package io.redress.webhook;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import io.netty.channel.ChannelOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * Sends one signed POST and says how it went. Non-blocking (Reactor Netty), the whole attempt within
 * {@code redress.webhooks.timeout}, redirects never followed (a 3xx is a failure), and a connection to an address
 * the {@link AddressPolicy} does not allow is closed before anything is written: the address is checked where it
 * is connected, after the name was resolved, so no name can lead a delivery into a private network.
 */
@Component
class WebhookClient implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(WebhookClient.class);

	private final ConnectionProvider connections;
	private final WebClient client;
	private final Duration timeout;

	WebhookClient(AddressPolicy policy, WebhookSettings settings) {
		this.timeout = settings.timeout();
		this.connections = ConnectionProvider.builder("webhooks").maxConnections(settings.maxConcurrentSends())
				.pendingAcquireMaxCount(-1).maxIdleTime(Duration.ofSeconds(30)).build();
		HttpClient http = HttpClient.create(connections)
				.followRedirect(false)
				.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
				.responseTimeout(timeout)
				.doOnConnected(connection -> {
					SocketAddress remote = connection.channel().remoteAddress();
					if (!(remote instanceof InetSocketAddress address) || address.getAddress() == null
							|| !policy.allows(address.getAddress())) {
						log.warn("A webhook delivery reached {}, which is not a public address; closed", remote);
						connection.channel().close();
					}
				});
		this.client = WebClient.builder().clientConnector(new ReactorClientHttpConnector(http)).build();
	}

	/** POSTs {@code body} with the Standard Webhooks headers; never fails, the outcome says what happened. */
	Mono<Attempt> post(String url, String id, long timestamp, String signature, String body) {
		long start = System.nanoTime();
		return client.post().uri(url)
				.contentType(MediaType.APPLICATION_JSON)
				.header("webhook-id", id)
				.header("webhook-timestamp", Long.toString(timestamp))
				.header("webhook-signature", signature)
				.header("User-Agent", "Redress-Webhooks/1")
				.bodyValue(body)
				.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
				.timeout(timeout)
				.map(code -> code >= 200 && code < 300 ? Attempt.answered(code, millisSince(start))
						: Attempt.failed(code, millisSince(start), "HTTP " + code))
				.onErrorResume(ex -> Mono.just(Attempt.failed(null, millisSince(start), reason(ex))));
	}

	private static String reason(Throwable ex) {
		if (ex instanceof TimeoutException || ex.getCause() instanceof TimeoutException
				|| ex.getClass().getSimpleName().contains("Timeout")) {
			return "No answer within the timeout";
		}
		String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
		return message.length() > 300 ? message.substring(0, 300) : message;
	}

	private static int millisSince(long start) {
		return (int) Duration.ofNanos(System.nanoTime() - start).toMillis();
	}

	@Override
	public void destroy() {
		connections.dispose();
	}

	/** One attempt: the status code when there was an answer, how long it took, and why it failed if it did. */
	record Attempt(boolean delivered, Integer responseCode, int durationMs, String error) {

		static Attempt answered(int code, int durationMs) {
			return new Attempt(true, code, durationMs, null);
		}

		static Attempt failed(Integer code, int durationMs, String error) {
			return new Attempt(false, code, durationMs, error);
		}
	}
}
