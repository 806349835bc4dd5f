package io.redress.graphql;

import java.util.List;

import io.redress.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.client.ReactorResourceFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The database's rows arrive on the HTTP server's event loops: the node runs one set of loops, not two. */
class SharedEventLoopsTests extends ApiTest {

	@Autowired
	ReactorResourceFactory resources;

	@Test
	void rowsAreReadOnTheServersEventLoops() throws Exception {
		String serverLoop = resources.getLoopResources().onServer(true).next()
				.submit(() -> Thread.currentThread().getName()).get();
		String serverLoops = serverLoop.replaceAll("\\d+$", "");

		List<String> threads = db.sql("SELECT generate_series(1, 3) AS n")
				.map(row -> Thread.currentThread().getName()).all().collectList().block();

		assertThat(serverLoops).isNotBlank().doesNotContain("tcp");
		assertThat(threads).hasSize(3).allSatisfy(thread -> assertThat(thread).startsWith(serverLoops));
	}
}
