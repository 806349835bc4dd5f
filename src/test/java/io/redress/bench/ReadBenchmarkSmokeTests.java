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
