package io.redress.bench;

import java.time.Duration;
import java.util.List;

import io.redress.ApiTest;
import io.redress.shared.TextMask;
import io.redress.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import org.springframework.r2dbc.core.DatabaseClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read benchmark's parts work at tiny volumes: the generator writes what it is asked, the same for the same seed,
 * and the load generator gets answers without errors to each query. It measures nothing: timings are no test's.
 */
class ReadBenchmarkSmokeTests extends ApiTest {

	private static final ReadBenchData.Volumes TINY = new ReadBenchData.Volumes(5, 50, 300);

	@Test
	void generatorWritesTheVolumesAskedForTheSameForTheSameSeed() {
		DatabaseClient bench = migratedDatabase("redress_read_bench_smoke");

		ReadBenchData.Counts counts = ReadBenchData.seed(bench, TINY, 7);
		String fingerprint = ReadBenchData.fingerprint(bench);
		truncate(bench);
		ReadBenchData.seed(bench, TINY, 7);
		String again = ReadBenchData.fingerprint(bench);
		truncate(bench);
		ReadBenchData.seed(bench, TINY, 8);

		assertThat(counts.brands()).isEqualTo(5);
		assertThat(counts.profiles()).isEqualTo(50);
		assertThat(counts.complaints()).isEqualTo(300);
		assertThat(counts.messages()).isBetween(600L, 1200L);
		assertThat(counts.publicMessages()).isLessThan(counts.messages());
		assertThat(counts.ratings()).isPositive();
		assertThat(counts.largestBrand()).isGreaterThan(counts.smallestBrand());
		assertThat(again).isEqualTo(fingerprint);
		assertThat(ReadBenchData.fingerprint(bench)).isNotEqualTo(fingerprint);
	}

	@Test
	void generatedTitlesAreTheirOwnPublicTitles() {
		DatabaseClient bench = migratedDatabase("redress_read_bench_titles");
		ReadBenchData.seed(bench, TINY, 7);

		List<String> titles = bench.sql("SELECT title FROM complaints WHERE public_title = title")
				.map(row -> row.get("title", String.class)).all().collectList().block();

		assertThat(titles).hasSize(300).allSatisfy(title -> assertThat(TextMask.mask(title)).isEqualTo(title));
	}

	@Test
	void loadGeneratorGetsAnswersToEachQueryWithoutErrors() {
		for (ReadQuery query : ReadQuery.values()) {
			ReadLoad.Result result = ReadLoad.run("http://localhost:" + port, query, 2, Duration.ofMillis(500), 5);

			assertThat(result.requests()).as(query.name()).isPositive();
			assertThat(result.errors()).as(query.name()).isZero();
			assertThat(ReadLoad.Result.parse(result.line()).line()).isEqualTo(result.line());
		}
	}

	@Test
	void warmUpEndsOnceTheCompilersTimeStopsGrowing() throws Exception {
		long[] compiled = { 0 };
		JitWarmUp warmUp = new JitWarmUp(Duration.ofSeconds(3), 0.02, Duration.ofSeconds(60));

		JitWarmUp.Outcome outcome = warmUp.run(List.of(ReadQuery.values()), (query, seconds) -> Thread.sleep(5),
				() -> compiled[0] < 3000 ? compiled[0] += 1000 : compiled[0]);

		assertThat(outcome.settled()).isTrue();
		assertThat(outcome.lastShare()).isLessThan(0.02);
		assertThat(outcome.line("Redress")).contains("stopped as the JIT settled");
	}

	@Test
	void warmUpEndsAtItsBoundWhileTheCompilersAreStillBusy() throws Exception {
		long[] compiled = { 0 };
		JitWarmUp warmUp = new JitWarmUp(Duration.ofSeconds(3), 0.02, Duration.ofMillis(200));

		JitWarmUp.Outcome outcome = warmUp.run(List.of(ReadQuery.values()), (query, seconds) -> Thread.sleep(5),
				() -> compiled[0] += 1000);

		assertThat(outcome.settled()).isFalse();
		assertThat(outcome.took()).isBetween(Duration.ofMillis(200), Duration.ofSeconds(5));
		assertThat(outcome.line("Redress")).contains("stopped at its bound");
	}

	@Test
	void warmUpLoadsTheServerWithEveryQueryWithinItsBound() throws Exception {
		List<ReadQuery> loaded = new java.util.ArrayList<>();
		JitWarmUp warmUp = new JitWarmUp(Duration.ofSeconds(3), 0.02, Duration.ofSeconds(2));

		JitWarmUp.Outcome outcome = warmUp.run(List.of(ReadQuery.values()), (query, seconds) -> {
			loaded.add(query);
			ReadLoad.Result result = ReadLoad.run("http://localhost:" + port, query, 2, Duration.ofSeconds(seconds), 5);
			assertThat(result.errors()).as(query.name()).isZero();
		});

		assertThat(loaded).containsSubsequence(ReadQuery.Q1, ReadQuery.Q2, ReadQuery.Q3);
		assertThat(outcome.took()).isLessThan(Duration.ofSeconds(20));
	}

	@Test
	void thePeerIsAskedForTheSameRowsInItsOwnSchema() {
		ReadTarget peer = ReadTarget.postgraphile("http://127.0.0.1:5678/graphql");

		assertThat(peer.bodies(ReadQuery.Q1, 3)).hasSize(3).allSatisfy(body -> assertThat(body).contains("allBrands"));
		assertThat(peer.bodies(ReadQuery.Q1, 3).get(1)).contains("\"slug\": \"" + ReadBenchData.slug(2) + "\"");
		assertThat(peer.bodies(ReadQuery.Q2, 3)).singleElement().asString().contains("complaintsByBrandId(first: 5)");
		assertThat(peer.bodies(ReadQuery.Q3, 3)).singleElement().asString().contains("orderBy: CREATED_AT_DESC");
		assertThat(ReadTarget.redress("http://localhost:8080").bodies(ReadQuery.Q1, 3).get(1))
				.isEqualTo(ReadQuery.Q1.requestBody(1, 3));
	}

	private static DatabaseClient migratedDatabase(String name) {
		TestDatabase database = TestDatabase.shared().withFreshDatabase(name);
		Flyway.configure().dataSource(database.jdbcUrl(), database.username(), database.password())
				.locations("classpath:db/migration")
				// As the application configures it (application.yaml): a transactional lock would hold a transaction
				// open that V18_1's concurrent index builds wait for, for ever.
				.configuration(java.util.Map.of("flyway.postgresql.transactional.lock", "false")).load().migrate();
		return ReadBenchData.client(database);
	}

	private static void truncate(DatabaseClient bench) {
		bench.sql("TRUNCATE ratings, messages, complaints, brand_members, brands, profiles RESTART IDENTITY CASCADE")
				.then().block();
	}
}
