package io.redress.webhook;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A help desk's webhook endpoint, in the test: a real HTTP server on 127.0.0.1 that records every POST it gets
 * and answers what the test scripted (a status code, or no answer for a while), then 200 once the script is spent.
 */
final class WebhookReceiver implements AutoCloseable {

	private final HttpServer server;
	private final List<Received> received = new CopyOnWriteArrayList<>();
	private final ConcurrentLinkedQueue<Answer> script = new ConcurrentLinkedQueue<>();
	private volatile Answer otherwise = Answer.status(200);

	WebhookReceiver() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		server.createContext("/", this::handle);
		server.setExecutor(Executors.newCachedThreadPool());
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/redress";
	}

	/** The next requests get these answers, in order. */
	WebhookReceiver thenAnswer(Answer... answers) {
		script.addAll(List.of(answers));
		return this;
	}

	/** Every request after the script gets this answer. */
	WebhookReceiver always(Answer answer) {
		otherwise = answer;
		return this;
	}

	List<Received> received() {
		return new ArrayList<>(received);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			Answer answer = script.poll();
			if (answer == null) {
				answer = otherwise;
			}
			received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
					exchange.getRequestHeaders().getFirst("webhook-id"),
					exchange.getRequestHeaders().getFirst("webhook-timestamp"),
					exchange.getRequestHeaders().getFirst("webhook-signature"),
					exchange.getRequestHeaders().getFirst("Content-Type"), body, answer.status()));
			if (!answer.delay().isZero()) {
				Thread.sleep(answer.delay().toMillis());
			}
			exchange.sendResponseHeaders(answer.status(), -1);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			exchange.close();
		}
	}

	@Override
	public void close() {
		server.stop(0);
	}

	/** What the receiver answers: a status, after a delay (longer than the sender's timeout: no answer in time). */
	record Answer(int status, Duration delay) {

		static Answer status(int status) {
			return new Answer(status, Duration.ZERO);
		}

		static Answer noAnswerFor(Duration delay) {
			return new Answer(200, delay);
		}
	}

	/** One request as it arrived, and the status it was answered with. */
	record Received(String method, String path, String id, String timestamp, String signature, String contentType,
			String body, int answered) {

		Map<String, String> headers() {
			return Map.of("webhook-id", id, "webhook-timestamp", timestamp, "webhook-signature", signature);
		}
	}
}
