package io.redress.bench;

import java.io.IOException;
import java.io.InputStream;

import io.redress.RedressApplication;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * One server node in a process of its own, for benchmarks that run several nodes on one database: started with its
 * settings as command-line arguments ({@link BenchServer#settings}), it prints {@code PORT <port>} once it serves, and
 * stops when its standard input closes, so that a benchmark that ends (or dies) leaves no node behind.
 */
public final class BenchNode {

	public static void main(String[] args) throws IOException {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(RedressApplication.class).run(args);
		System.out.println("PORT " + context.getEnvironment().getProperty("local.server.port"));
		System.out.flush();
		InputStream input = System.in;
		while (input.read() >= 0) {
			// Nothing is said on the input; its end is the signal to stop.
		}
		context.close();
		System.exit(0);
	}
}
