package io.redress.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The read benchmark's other load generator: {@code wrk} (Debian package {@code wrk}) with {@code bench/read-load.lua},
 * one thread, the same requests as {@link ReadLoad} (Q1 asks for each brand in turn) and the same check of each
 * answer. Its CPU time per request comes from the shell that waits for it ({@code times}).
 */
final class WrkLoad {

	/** The shell's {@code times}: its own user and system time, then its children's, e.g. "0m1.230s 0m0.450s". */
	private static final Pattern TIMES = Pattern.compile("(\\d+)m([\\d.]+)s (\\d+)m([\\d.]+)s");

	private WrkLoad() {
	}

	/** Whether {@code wrk} is on the path. */
	static boolean installed() {
		try {
			return new ProcessBuilder("wrk", "--version").redirectErrorStream(true).start().waitFor() >= 0;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Loads {@code target} with {@code query} for {@code seconds}, as a warm-up: nothing is measured. */
	static void warm(ReadTarget target, ReadQuery query, int connections, int seconds, int brands)
			throws IOException, InterruptedException {
		run(target, query, connections, 0, seconds, brands, () -> { });
	}

	/** Warms up for {@code warmUp} seconds (none when 0), calls {@code measuring}, then measures {@code seconds}. */
	static ReadLoad.Result run(ReadTarget target, ReadQuery query, int connections, int warmUp, int seconds,
			int brands, Runnable measuring) throws IOException, InterruptedException {
		Path folder = Files.createTempDirectory("redress-wrk");
		Path script = folder.resolve("read-load.lua");
		try (InputStream lua = WrkLoad.class.getResourceAsStream("/bench/read-load.lua")) {
			Files.copy(lua, script);
		}
		Path bodies = folder.resolve("bodies.txt");
		Files.write(bodies, target.bodies(query, brands), StandardCharsets.UTF_8);
		String wrk = String.format("wrk -t1 -c%d -d%%ds --timeout 30s -s %s %s -- %s", connections, script,
				target.endpoint(), bodies);
		if (warmUp > 0) {
			run(String.format(wrk, warmUp));
		}
		measuring.run();
		List<String> lines = run(String.format(wrk, seconds) + "; times");
		String result = lines.stream().filter(line -> line.startsWith("WRK ")).findFirst()
				.orElseThrow(() -> new IllegalStateException("wrk printed no result for " + query + ": " + lines));
		String answer = lines.stream().filter(line -> line.startsWith("FIRST ")).map(line -> line.substring(6))
				.findFirst().orElse(null);
		double cpuSeconds = lines.stream().map(TIMES::matcher).filter(Matcher::matches).skip(1)
				.mapToDouble(times -> minutesAndSeconds(times.group(1), times.group(2))
						+ minutesAndSeconds(times.group(3), times.group(4)))
				.findFirst().orElse(-1);
		long requests = Long.parseLong(value(result, "requests"));
		double cpuPerRequest = cpuSeconds < 0 ? -1 : cpuSeconds * 1e3 / Math.max(1, requests);
		return ReadLoad.Result.parse(result.replace("WRK ", "RESULT " + query + " ")
				+ String.format(java.util.Locale.ROOT, " cpu=%.4f rows=%s", cpuPerRequest,
						(answer == null ? "none" : query.rows(answer)).replace(' ', '_')));
	}

	private static List<String> run(String command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("sh", "-c", command).redirectError(ProcessBuilder.Redirect.INHERIT)
				.start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader output = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = output.readLine(); line != null; line = output.readLine()) {
				lines.add(line.strip());
			}
		}
		if (process.waitFor() != 0) {
			throw new IllegalStateException("wrk failed: " + lines);
		}
		return lines;
	}

	private static String value(String line, String name) {
		Matcher matcher = Pattern.compile(name + "=(\\S+)").matcher(line);
		return matcher.find() ? matcher.group(1) : "0";
	}

	private static double minutesAndSeconds(String minutes, String seconds) {
		return Integer.parseInt(minutes) * 60 + Double.parseDouble(seconds);
	}
}
