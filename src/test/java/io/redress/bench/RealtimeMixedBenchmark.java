package io.redress.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.redress.brand.Brand;
import io.redress.shared.GlobalId;
import io.redress.testing.CommandLine;
import io.redress.testing.TestDatabase;
import io.redress.testing.TestIssuer;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.reactive.function.client.WebClient;

/**
 * The mixed real-time benchmark (not a test): anonymous subscribers of public complaints, brand members on
 * {@code brandEvents} and consumers on {@code viewerEvents}, all at once, on one node or on several behind a local
 * balancer ({@link TcpBalancer}), each node a process of its own ({@link BenchNode}) on one embedded PostgreSQL, the
 * subscribers in a load generator's process ({@link RealtimeMixedLoad}). Public messages are posted on the complaints
 * in turn, through the nodes in turn. Prints the heap per idle subscription on the nodes (after a full GC, from {@code
 * jcmd GC.heap_info}), deliveries against the events each subscription should get, duplicates, subscriptions short of
 * their share, and commit-to-client latency.
 *
 * <p>The data: 100 complaints on 50 brands (two each), each filed by a consumer of its own; 10 members per brand.
 * Subscriptions are 10 a socket: anonymous sockets on the complaints in turn, brand sockets one per member in turn,
 * viewer sockets on the consumers in turn. An event on complaint c reaches its anonymous subscribers, its brand's
 * members and its consumer.
 *
 * <pre>
 * java -cp ... io.redress.bench.RealtimeMixedBenchmark 10000 5000 5000 1 4 30
 * </pre>
 * Arguments: anonymous, brand and viewer subscriptions, nodes, events per second, seconds. {@code BENCH_NODE_JVM}
 * gives the nodes' JVM options (default {@code -Xmx1g}); {@code BENCH_HISTOGRAM=true} prints what grew on the first
 * node per subscription ({@code jcmd GC.class_histogram}); {@code BENCH_OPEN_TRANSACTION=true} holds a transaction
 * open in another database of the same PostgreSQL from before the first measured event to the last delivery.
 */
public final class RealtimeMixedBenchmark {

	static final int COMPLAINTS = 100;
	static final int BRANDS = 50;
	static final int MEMBERS = 10;
	static final int PER_SOCKET = 10;

	private static final String POST = """
			mutation($input: PostMessageInput!) { postMessage(input: $input) { message { id } userErrors { code } } }""";

	public static void main(String[] args) throws Exception {
		int anonymous = BenchArguments.arg(args, 0, 10_000);
		int brand = BenchArguments.arg(args, 1, 5_000);
		int viewer = BenchArguments.arg(args, 2, 5_000);
		int nodeCount = BenchArguments.arg(args, 3, 1);
		int rate = BenchArguments.arg(args, 4, 4);
		int seconds = BenchArguments.arg(args, 5, 30);
		int events = rate * seconds;
		int subscriptions = anonymous + brand + viewer;

		TestDatabase database = TestDatabase.embedded(Files.createTempDirectory("redress-mixed-bench"));
		TestIssuer issuer = TestIssuer.start(0);
		Map<String, String> settings = BenchServer.settings(database, issuer.issuerUri(), Map.of(
				"redress.graphql.max-subscriptions-per-socket", String.valueOf(PER_SOCKET + 1),
				"redress.limits.content-per-hour", "1000000",
				"spring.graphql.websocket.connection-init-timeout", "60s"));
		List<Child> nodes = new ArrayList<>();
		for (int n = 0; n < nodeCount; n++) {
			// One at a time: the first migrates the database.
			nodes.add(Child.start(BenchNode.class, nodeJvm(), CommandLine.arguments(settings)));
		}
		DatabaseClient db = ReadBenchData.client(database);
		List<String> brandIds = seedBrands(db);
		List<HttpGraphQlClient> agents = nodes.stream()
				.map(node -> client(node.url(), issuer.token("bench-agent"))).toList();
		List<String> complaintIds = fileComplaints(nodes.get(0).url(), issuer);
		Child balancer = nodeCount == 1 ? null
				: Child.start(TcpBalancer.class, List.of("-Xmx256m"), balancerArguments(nodes));
		String entry = balancer == null ? nodes.get(0).url() : balancer.url();

		int[] perComplaint = new int[COMPLAINTS];
		for (int n = 0; n < events; n++) {
			perComplaint[n % COMPLAINTS]++;
		}
		Path plan = Files.createTempFile("redress-mixed-plan", ".txt");
		Files.write(plan, plan(anonymous, brand, viewer, complaintIds, brandIds, issuer, perComplaint));

		long[] heapBefore = nodes.stream().mapToLong(Child::usedHeapAfterGc).toArray();
		Map<String, long[]> histogramBefore = nodes.get(0).histogram();
		Child load = Child.start(RealtimeMixedLoad.class, List.of("-Xmx2g", "-XX:+UseParallelGC"),
				new String[] {entry, plan.toString(), String.valueOf(seconds + 60)});
		load.awaitLine("SENT ");
		// Subscriptions are set up in the order they arrive: rounds of one warm-up post per complaint until each
		// subscription has received an event.
		Thread.sleep(5000);
		for (int round = 0; load.line("SUBSCRIBED ") == null && round < 40; round++) {
			int warmUp = round;
			Flux.range(0, COMPLAINTS).flatMap(c -> post(agents.get(c % agents.size()), complaintIds.get(c),
					"warm-up " + warmUp), 8).onErrorContinue((error, post) -> System.err.println("warm-up: " + error))
					.blockLast();
			for (int wait = 0; wait < 100 && load.line("SUBSCRIBED ") == null; wait++) {
				Thread.sleep(100);
			}
		}
		load.awaitLine("SUBSCRIBED ");
		Thread.sleep(2000);
		long[] heapAfter = nodes.stream().mapToLong(Child::usedHeapAfterGc).toArray();
		printGrowth(histogramBefore, nodes.get(0).histogram(), subscriptions / nodeCount);

		// BENCH_OPEN_TRANSACTION=true: a transaction stays open in another database of the same server all along.
		Connection open = Boolean.parseBoolean(System.getenv("BENCH_OPEN_TRANSACTION"))
				? openTransaction(database.withFreshDatabase("redress_elsewhere")) : null;
		load.say("GO");
		LongAdder failedPosts = new LongAdder();
		LongAdder acknowledged = new LongAdder();
		// Every tick is posted, late rather than never: the events each subscription expects are counted from them.
		Flux.interval(Duration.ofMillis(1000 / Math.max(1, rate))).take(events).onBackpressureBuffer()
				.flatMap(n -> post(agents.get((int) (n % agents.size())), complaintIds.get((int) (n % COMPLAINTS)),
						"measured " + n)
						.doOnSuccess(done -> acknowledged.increment())
						.onErrorResume(error -> Mono.fromRunnable(failedPosts::increment)), 16)
				.blockLast();
		Map<String, String> values = BenchArguments.resultValues(load.awaitLine("RESULT "));
		if (open != null) {
			open.rollback();
			open.close();
		}
		long heapGrowth = 0;
		for (int n = 0; n < nodeCount; n++) {
			heapGrowth += heapAfter[n] - heapBefore[n];
		}
		System.out.printf(Locale.ROOT, """
				Redress mixed real-time benchmark: %d node(s)%s, subscribers in their own process
				  subscriptions               %d: %d anonymous on %d public complaints, %d brandEvents (%d members of %d brands), %d viewerEvents (%d consumers), %d a socket
				  heap per idle subscription  %.1f KB (nodes' heap after a full GC, before and after; max heap %s)
				  heap used per node          %s MB idle with the subscriptions
				  events                      %d public messages, %d/s for %d s: %d acknowledged, %d failed
				  deliveries                  %s of %s in %s s (%.0f a second); duplicates %s; subscriptions short of their events %s
				  commit-to-client latency    p50 %s ms, p99 %s ms, max %s ms
				  subscriptions ended early   %s; sockets opened again after the server closed them: %s
				  transaction held open       %s
				""", nodeCount, balancer == null ? "" : " behind a round-robin TCP balancer", subscriptions, anonymous,
				COMPLAINTS, brand, Math.min(BRANDS * MEMBERS, brand / PER_SOCKET), BRANDS, viewer,
				Math.min(COMPLAINTS, viewer / PER_SOCKET), PER_SOCKET,
				heapGrowth / 1024.0 / Math.max(1, subscriptions),
				nodeJvm().stream().filter(option -> option.startsWith("-Xmx")).findFirst().orElse("the default"),
				Arrays.toString(Arrays.stream(heapAfter).map(bytes -> bytes / 1024 / 1024).toArray()), events, rate,
				seconds, acknowledged.sum(), failedPosts.sum(), values.get("deliveries"), values.get("expected"), values.get("seconds"),
				Long.parseLong(values.get("deliveries")) / Double.parseDouble(values.get("seconds")),
				values.get("duplicates"), values.get("short"), values.get("p50"), values.get("p99"), values.get("max"),
				values.get("ended"), values.get("reconnects"),
				open == null ? "none" : "in another database of the server, from before the first event to the last");
		load.stop();
		if (balancer != null) {
			balancer.stop();
		}
		nodes.forEach(Child::stop);
		issuer.close();
		System.exit(0);
	}

	/** A transaction with an xid, left open: the oldest running one on the whole server. */
	private static Connection openTransaction(TestDatabase elsewhere) throws SQLException {
		Connection connection = DriverManager.getConnection(elsewhere.jdbcUrl(), elsewhere.username(),
				elsewhere.password());
		connection.setAutoCommit(false);
		try (Statement statement = connection.createStatement()) {
			statement.execute("SELECT txid_current()");
		}
		return connection;
	}

	/** Brands {@code mixed-0..49} with {@code bench-agent} and ten members each, as agents; their global ids. */
	private static List<String> seedBrands(DatabaseClient db) {
		db.sql("""
				INSERT INTO brands (slug, name, website, domain, status)
				SELECT 'mixed-' || b, 'Mixed ' || b, 'https://mixed-' || b || '.example', 'mixed-' || b || '.example',
				       'VERIFIED'
				FROM generate_series(0, :brands - 1) AS b""").bind("brands", BRANDS).then().block();
		db.sql("""
				INSERT INTO brand_members (brand_id, subject, role)
				SELECT id, 'bench-agent', 'AGENT' FROM brands WHERE slug LIKE 'mixed-%'
				UNION ALL
				SELECT id, 'member-' || substr(slug, 7) || '-' || m, 'AGENT'
				FROM brands, generate_series(0, :members - 1) AS m WHERE slug LIKE 'mixed-%'""")
				.bind("members", MEMBERS).then().block();
		return Flux.range(0, BRANDS)
				.concatMap(b -> db.sql("SELECT id FROM brands WHERE slug = :slug").bind("slug", "mixed-" + b)
						.map(row -> GlobalId.encode(Brand.TYPE, row.get("id", Long.class))).one())
				.collectList().block();
	}

	/** Complaint c filed by {@code consumer-c} against brand {@code mixed-(c mod 50)}, through the API. */
	private static List<String> fileComplaints(String server, TestIssuer issuer) {
		return Flux.range(0, COMPLAINTS).concatMap(c -> client(server, issuer.token("consumer-" + c)).document("""
				mutation($slug: String!) { fileComplaint(input: {brandSlug: $slug, title: "Parcel never arrived",
				  description: "Tracking says delivered", category: DELIVERY}) { complaint { id } } }""")
				.variable("slug", "mixed-" + c % BRANDS)
				.retrieve("fileComplaint.complaint.id").toEntity(String.class)).collectList().block();
	}

	/** The load's plan: one line a socket (token, subscription field, its argument, subscriptions, events each). */
	private static List<String> plan(int anonymous, int brand, int viewer, List<String> complaintIds,
			List<String> brandIds, TestIssuer issuer, int[] perComplaint) {
		List<String> lines = new ArrayList<>();
		for (int s = 0; s < anonymous / PER_SOCKET; s++) {
			int complaint = s % COMPLAINTS;
			lines.add("- complaintEvents " + complaintIds.get(complaint) + " " + PER_SOCKET + " "
					+ perComplaint[complaint]);
		}
		Map<String, String> tokens = new HashMap<>();
		for (int s = 0; s < brand / PER_SOCKET; s++) {
			int b = s % BRANDS;
			String member = "member-" + b + "-" + (s / BRANDS) % MEMBERS;
			// Brand b's complaints are b and b + 50.
			lines.add(tokens.computeIfAbsent(member, issuer::token) + " brandEvents " + brandIds.get(b) + " "
					+ PER_SOCKET + " " + (perComplaint[b] + perComplaint[b + BRANDS]));
		}
		for (int s = 0; s < viewer / PER_SOCKET; s++) {
			int consumer = s % COMPLAINTS;
			lines.add(tokens.computeIfAbsent("consumer-" + consumer, issuer::token) + " viewerEvents - " + PER_SOCKET
					+ " " + perComplaint[consumer]);
		}
		return lines;
	}

	private static String[] balancerArguments(List<Child> nodes) {
		List<String> arguments = new ArrayList<>(List.of("0"));
		nodes.forEach(node -> arguments.add("127.0.0.1:" + node.port()));
		return arguments.toArray(String[]::new);
	}

	private static List<String> nodeJvm() {
		String options = System.getenv().getOrDefault("BENCH_NODE_JVM", "-Xmx1g");
		return List.of(options.trim().split("\\s+"));
	}

	private static Mono<Object> post(HttpGraphQlClient agent, String complaintId, String body) {
		return agent.document(POST)
				.variable("input", Map.of("complaintId", complaintId, "body", body, "visibility", "PUBLIC"))
				.retrieve("postMessage.message.id").toEntity(Object.class);
	}

	private static HttpGraphQlClient client(String server, String token) {
		return HttpGraphQlClient.builder(WebClient.create(server + "/graphql"))
				.header("Authorization", "Bearer " + token).build();
	}

	/** The classes whose live bytes grew most, per subscription. */
	private static void printGrowth(Map<String, long[]> before, Map<String, long[]> after, int subscriptions) {
		after.entrySet().stream()
				.map(entry -> Map.entry(entry.getKey(), new long[] {
						entry.getValue()[0] - before.getOrDefault(entry.getKey(), new long[2])[0],
						entry.getValue()[1] - before.getOrDefault(entry.getKey(), new long[2])[1]}))
				.sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1])).limit(40)
				.forEach(entry -> System.out.printf(Locale.ROOT, "%9.2f objects %9.0f bytes per subscription  %s%n",
						(double) entry.getValue()[0] / subscriptions, (double) entry.getValue()[1] / subscriptions,
						entry.getKey()));
	}

	/**
	 * A JVM this benchmark starts on its own class path: a node, the balancer or the load. Its output's lines are kept
	 * by prefix; its standard input stays open until {@link #stop()}, whose closing ends it.
	 */
	private record Child(Process process, Map<String, String> lines, Writer input) {

		private static final Pattern USED = Pattern.compile("used (\\d+)K");

		static Child start(Class<?> main, List<String> jvm, String[] arguments)
				throws IOException, InterruptedException {
			List<String> command = new ArrayList<>();
			command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
			command.addAll(jvm);
			command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
			command.addAll(List.of(arguments));
			Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
			Child child = new Child(process, new ConcurrentHashMap<>(),
					new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
			CompletableFuture.runAsync(child::readLines);
			if (main != RealtimeMixedLoad.class) {
				child.awaitLine("PORT ");
			}
			return child;
		}

		private void readLines() {
			try (BufferedReader output = new BufferedReader(
					new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
				for (String line = output.readLine(); line != null; line = output.readLine()) {
					int space = line.indexOf(' ');
					if (space > 0 && line.substring(0, space).equals(line.substring(0, space).toUpperCase(Locale.ROOT))) {
						lines.put(line.substring(0, space + 1), line);
					}
				}
			}
			catch (IOException ex) {
				// The process ended.
			}
		}

		String line(String prefix) {
			return lines.get(prefix);
		}

		String awaitLine(String prefix) throws InterruptedException {
			while (line(prefix) == null) {
				if (!process.isAlive()) {
					throw new IllegalStateException(prefix + "never came: the process ended");
				}
				Thread.sleep(100);
			}
			return line(prefix);
		}

		String port() {
			return line("PORT ").substring("PORT ".length());
		}

		String url() {
			return "http://localhost:" + port();
		}

		void say(String line) throws IOException {
			input.write(line + "\n");
			input.flush();
		}

		/** Bytes of heap in use after a full GC, from {@code jcmd GC.heap_info}. */
		long usedHeapAfterGc() {
			try {
				jcmd("GC.run");
				Thread.sleep(500);
				Matcher used = USED.matcher(String.join("\n", jcmd("GC.heap_info")));
				return used.find() ? Long.parseLong(used.group(1)) * 1024 : 0;
			}
			catch (IOException | InterruptedException ex) {
				throw new IllegalStateException(ex);
			}
		}

		/** With {@code BENCH_HISTOGRAM=true}, the live objects of the heap by class: instances and bytes. */
		Map<String, long[]> histogram() throws IOException, InterruptedException {
			Map<String, long[]> classes = new HashMap<>();
			if (Boolean.parseBoolean(System.getenv("BENCH_HISTOGRAM"))) {
				for (String line : jcmd("GC.class_histogram")) {
					String[] parts = line.trim().split("\\s+");
					if (parts.length >= 4 && parts[0].endsWith(":")) {
						classes.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
					}
				}
			}
			return classes;
		}

		private List<String> jcmd(String command) throws IOException, InterruptedException {
			Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
					String.valueOf(process.pid()), command).start();
			List<String> output;
			try (BufferedReader reader = new BufferedReader(
					new InputStreamReader(jcmd.getInputStream(), StandardCharsets.UTF_8))) {
				output = reader.lines().toList();
			}
			jcmd.waitFor();
			return output;
		}

		void stop() {
			try {
				input.close();
				process.waitFor(30, TimeUnit.SECONDS);
			}
			catch (IOException | InterruptedException ex) {
				// Ending anyway.
			}
			process.destroy();
		}
	}
}
