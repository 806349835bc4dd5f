package io.redress.testing;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;

import io.r2dbc.proxy.core.QueryExecutionInfo;
import io.r2dbc.proxy.core.QueryInfo;
import io.r2dbc.proxy.listener.ProxyExecutionListener;

import org.springframework.boot.r2dbc.autoconfigure.ProxyConnectionFactoryCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the server runs, for tests of the N+1 discipline. Test classes that import it share one
 * application context of their own.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounting {

	/** This context's score keeper would otherwise recompute scores while a test counts statements. */
	public static final String NO_BACKGROUND_WORK = "redress.score.keeping=false";

	@Bean
	public StatementCounter statementCounter() {
		return new StatementCounter();
	}

	// Spring Boot wraps the ConnectionFactory in an r2dbc-proxy when one is on the classpath; this adds the counter.
	@Bean
	ProxyConnectionFactoryCustomizer countStatements(StatementCounter counter) {
		return builder -> builder.listener(counter);
	}

	/** Counts statements on the tables a test names, so background jobs sharing the pool do not make it flaky. */
	public static final class StatementCounter implements ProxyExecutionListener {

		/**
		 * The expired-proposals job and the public-title masking run on their own schedules and would otherwise land
		 * in a count now and then.
		 */
		private static final List<String> SCHEDULED_JOB_MARKERS = List.of("proposed_at < now()",
				"public_title IS NULL", "masked(id, public_title)", "WHERE public_body IS NULL",
				"masked(id, public_body)", "d.done_at IS NULL");

		private final AtomicInteger count = new AtomicInteger();
		private volatile Pattern tables = Pattern.compile("(?!)");

		@Override
		public void beforeQuery(QueryExecutionInfo execution) {
			execution.getQueries().stream().map(QueryInfo::getQuery)
					.filter(sql -> tables.matcher(sql).find() && SCHEDULED_JOB_MARKERS.stream().noneMatch(sql::contains))
					.forEach(sql -> count.incrementAndGet());
		}

		/** Starts counting statements that mention any of {@code tableNames}. */
		public void countOn(String... tableNames) {
			tables = Pattern.compile("\\b(" + String.join("|", tableNames) + ")\\b");
			count.set(0);
		}

		public int count() {
			return count.get();
		}
	}
}
