package io.redress.graphql;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.Predicate;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;
import io.r2dbc.postgresql.extension.Extension;
import io.r2dbc.spi.ConnectionFactory;
import io.r2dbc.spi.Readable;
import io.r2dbc.spi.Result;
import io.r2dbc.spi.Row;
import io.r2dbc.spi.RowMetadata;
import io.r2dbc.spi.Statement;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.util.context.Context;

import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * How statements run and read their rows. Every connection decodes {@code timestamptz} through
 * {@link StoredTimestamps}. The {@link DatabaseClient} every module uses is Spring Boot's, as it would make it, but
 * runs each statement with an empty Reactor context. With context propagation on the classpath, Reactor restores the
 * thread-locals of every key in the subscriber's context around each signal of a {@code handle} operator, and the
 * PostgreSQL driver handles every message it receives (a row is one) in several: Spring Security's security context
 * and exchange, set and reset per row, were 6.5 % of the allocations of a 650-field read. Nothing that runs inside a
 * statement's execution reads the context (the driver, the row mappers); the request's viewer, deadline and
 * transaction are read from it before, when the connection is taken, which this leaves as it was.
 */
@Configuration(proxyBeanMethods = false)
class StatementContexts {

	/** Every connection reads {@code timestamptz} through {@link StoredTimestamps}. */
	@Bean
	ConnectionFactoryOptionsBuilderCustomizer storedTimestamps() {
		return options -> options.option(PostgresqlConnectionFactoryProvider.EXTENSIONS,
				List.<Extension>of(new StoredTimestamps()));
	}

	@Bean
	DatabaseClient databaseClient(ConnectionFactory connectionFactory) {
		return DatabaseClient.builder().connectionFactory(connectionFactory).executeFunction(StatementContexts::execute)
				.build();
	}

	/** Runs the statement with no context, and hands out its results so that reading them sees none either. */
	static Publisher<? extends Result> execute(Statement statement) {
		return Flux.from(statement.execute()).<Result>map(ContextFreeResult::new).contextWrite(StatementContexts::none);
	}

	private static Context none(Context context) {
		return Context.empty();
	}

	/** A result whose rows and counts are read with an empty context (the driver handles them in its operators). */
	private record ContextFreeResult(Result result) implements Result {

		@Override
		public Publisher<Long> getRowsUpdated() {
			return Flux.from(result.getRowsUpdated()).contextWrite(StatementContexts::none);
		}

		@Override
		public <T> Publisher<T> map(BiFunction<Row, RowMetadata, ? extends T> mapping) {
			return Flux.<T>from(result.map(mapping)).contextWrite(StatementContexts::none);
		}

		@Override
		public <T> Publisher<T> map(Function<? super Readable, ? extends T> mapping) {
			return Flux.<T>from(result.map(mapping)).contextWrite(StatementContexts::none);
		}

		@Override
		public Result filter(Predicate<Segment> filter) {
			return new ContextFreeResult(result.filter(filter));
		}

		@Override
		public <T> Publisher<T> flatMap(Function<Segment, ? extends Publisher<? extends T>> mapping) {
			return Flux.<T>from(result.flatMap(mapping)).contextWrite(StatementContexts::none);
		}
	}
}
