package io.redress.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.redress.testing.TestDatabase;

/**
 * The read benchmark's peer: PostGraphile v5 (amber preset, one Node 22 process) on the same database, from
 * {@code bench/postgraphile} (its versions pinned in its package.json and package-lock.json, installed with
 * {@code npm ci} when its node_modules is missing). Its output goes to a file, named if it fails to start. The process
 * is destroyed on {@link #close()} and, should the benchmark die first, when this JVM exits.
 */
final class PostGraphilePeer implements AutoCloseable {

	private static final Path FOLDER = Path.of("bench", "postgraphile");

	private static final Duration STARTING = Duration.ofSeconds(60);

	private final Process process;

	private final Thread stopOnExit;

	private final int port;

	private PostGraphilePeer(Process process, int port) {
		this.process = process;
		this.port = port;
		this.stopOnExit = new Thread(process::destroy, "stop-postgraphile");
		Runtime.getRuntime().addShutdownHook(stopOnExit);
	}

	/** Installs the peer if need be, starts it on {@code database} and waits until it answers a query. */
	static PostGraphilePeer start(TestDatabase database) throws IOException, InterruptedException {
		if (!Files.isDirectory(FOLDER.resolve("node_modules"))) {
			int exit = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(FOLDER.toFile())
					.inheritIO().start().waitFor();
			if (exit != 0) {
				throw new IllegalStateException("npm ci failed in " + FOLDER.toAbsolutePath() + " (exit " + exit + ")");
			}
		}
		int port = freePort();
		Path log = Files.createTempFile("redress-bench-postgraphile", ".log");
		ProcessBuilder builder = new ProcessBuilder(Path.of("node_modules", ".bin", "node").toString(),
				Path.of("node_modules", ".bin", "postgraphile").toString(), "-C", "graphile.config.mjs")
				.directory(FOLDER.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
		builder.environment().putAll(Map.of("DATABASE_URL", url(database), "PORT", String.valueOf(port),
				"GRAPHILE_ENV", "production"));
		PostGraphilePeer peer = new PostGraphilePeer(builder.start(), port);
		try {
			peer.awaitAnswer(log);
		}
		catch (IOException | InterruptedException | RuntimeException ex) {
			peer.close();
			throw ex;
		}
		return peer;
	}

	ReadTarget target() {
		return ReadTarget.postgraphile("http://127.0.0.1:" + port + "/graphql");
	}

	/** The peer's resident memory, as the benchmark prints its own. */
	String residentMemory() {
		try {
			List<String> status = Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"));
			return status.stream().filter(line -> line.startsWith("VmRSS"))
					.map(line -> line.substring("VmRSS:".length()).strip()).findFirst().orElse("unknown");
		}
		catch (IOException | RuntimeException ex) {
			return "unknown";
		}
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
			Runtime.getRuntime().removeShutdownHook(stopOnExit);
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
		}
		catch (IllegalStateException ex) {
			// The JVM is already exiting: its hook stops the process.
		}
	}

	private void awaitAnswer(Path log) throws IOException, InterruptedException {
		HttpClient client = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create(target().endpoint()))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"{ __typename }\"}")).build();
		long deadline = System.nanoTime() + STARTING.toNanos();
		while (System.nanoTime() < deadline && process.isAlive()) {
			try {
				if (client.send(request, HttpResponse.BodyHandlers.ofString()).statusCode() == 200) {
					return;
				}
			}
			catch (IOException notYet) {
				// Not listening yet.
			}
			Thread.sleep(500);
		}
		throw new IllegalStateException("PostGraphile did not answer within " + STARTING.toSeconds() + " s; its output: "
				+ log);
	}

	/** {@code postgres://user:password@host:port/database}, as node-postgres reads it. */
	static String url(TestDatabase database) {
		String password = database.password().isEmpty() ? ""
				: ":" + URLEncoder.encode(database.password(), StandardCharsets.UTF_8);
		return "postgres://" + URLEncoder.encode(database.username(), StandardCharsets.UTF_8) + password + "@"
				+ database.host() + ":" + database.port() + "/" + database.database();
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
