package io.redress.brand;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import io.redress.ApiTest;
import io.redress.testing.StatementCounting;
import io.redress.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Lookups of brands by slug made at the same time share statements: while {@link SharedSlugLookups#STATEMENTS_IN_FLIGHT}
 * are running, the rest wait and leave together, and each lookup still gets its own brand.
 */
@Import(StatementCounting.class)
@TestPropertySource(properties = StatementCounting.NO_BACKGROUND_WORK)
class SharedSlugLookupsTests extends ApiTest {

	private static final int LOOKUPS = 30;

	@Autowired
	private SharedSlugLookups lookups;

	@Autowired
	private StatementCounting.StatementCounter statements;

	@Test
	void lookupsWaitingBehindBusyStatementsLeaveTogetherAndEachFindsItsOwnBrand() throws SQLException {
		String token = unique("shared");
		insertBrands(token, LOOKUPS);
		List<String> slugs = Stream.concat(IntStream.rangeClosed(1, LOOKUPS).mapToObj(n -> token + "-b" + n),
				Stream.of(unique("nobody"))).toList();

		statements.countOn("brands");
		List<Mono<String>> names;
		// The first lookups' statements wait on the lock, so every later lookup is made while they run.
		try (Connection lock = TestDatabase.shared().lockTable("brands")) {
			names = slugs.stream().map(slug -> lookups.find(slug).map(Brand::name).defaultIfEmpty("none")).toList();
			lock.rollback();
		}

		assertThat(Flux.concat(names).collectList().block()).containsExactlyElementsOf(Stream.concat(
				IntStream.rangeClosed(1, LOOKUPS).mapToObj(n -> token + " brand %03d".formatted(n)), Stream.of("none"))
				.toList());
		assertThat(statements.count()).isEqualTo(SharedSlugLookups.STATEMENTS_IN_FLIGHT + 1);
	}

	@Test
	void aLookupAloneIsAnsweredAtOnce() {
		String token = unique("alone");
		insertBrands(token, 1);

		statements.countOn("brands");
		assertThat(lookups.find(token + "-b1").map(Brand::name).block()).isEqualTo(token + " brand 001");
		assertThat(lookups.find(unique("nobody")).blockOptional()).isEmpty();
		assertThat(statements.count()).isEqualTo(2);
	}
}
