package io.redress.graphql;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import graphql.GraphQLContext;
import graphql.execution.CoercedVariables;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.schema.Coercing;
import graphql.schema.CoercingParseLiteralException;
import graphql.schema.CoercingParseValueException;
import graphql.schema.CoercingSerializeException;
import graphql.schema.GraphQLScalarType;

/** The {@code DateTime} scalar: an ISO-8601 instant with offset, always written in UTC. */
final class DateTimeScalar {

	static final GraphQLScalarType INSTANCE = GraphQLScalarType.newScalar()
			.name("DateTime")
			.description("An ISO-8601 date-time with offset, for example 2026-11-24T16:00:00Z")
			.coercing(new DateTimeCoercing())
			.build();

	private DateTimeScalar() {
	}

	private static final class DateTimeCoercing implements Coercing<OffsetDateTime, String> {

		static final int MIN_YEAR = 1;
		static final int MAX_YEAR = 9999;

		@Override
		public String serialize(Object value, GraphQLContext context, Locale locale) {
			if (value instanceof OffsetDateTime dateTime) {
				return dateTime.withOffsetSameInstant(ZoneOffset.UTC).toString();
			}
			if (value instanceof Instant instant) {
				return instant.atOffset(ZoneOffset.UTC).toString();
			}
			throw new CoercingSerializeException("Not a date-time: " + value.getClass().getSimpleName());
		}

		@Override
		public OffsetDateTime parseValue(Object input, GraphQLContext context, Locale locale) {
			if (input instanceof String text) {
				return parse(text, CoercingParseValueException::new);
			}
			if (input instanceof TemporalAccessor temporal) {
				return OffsetDateTime.from(temporal);
			}
			throw new CoercingParseValueException("Expected an ISO-8601 date-time string");
		}

		@Override
		public OffsetDateTime parseLiteral(Value<?> input, CoercedVariables variables, GraphQLContext context,
				Locale locale) {
			if (input instanceof StringValue text) {
				return parse(text.getValue(), CoercingParseLiteralException::new);
			}
			throw new CoercingParseLiteralException("Expected an ISO-8601 date-time string");
		}

		@Override
		public Value<?> valueToLiteral(Object input, GraphQLContext context, Locale locale) {
			return StringValue.of(serialize(input, context, locale));
		}

		private static <E extends RuntimeException> OffsetDateTime parse(String text,
				java.util.function.Function<String, E> error) {
			OffsetDateTime dateTime;
			try {
				dateTime = OffsetDateTime.parse(text);
			}
			catch (DateTimeParseException ex) {
				throw error.apply("Expected an ISO-8601 date-time such as 2026-11-24T16:00:00Z");
			}
			// Years the database cannot store would fail deep in a statement; they are bad input, said so up front.
			int year = dateTime.withOffsetSameInstant(ZoneOffset.UTC).getYear();
			if (year < MIN_YEAR || year > MAX_YEAR) {
				throw error.apply("Expected a date-time between the years " + MIN_YEAR + " and " + MAX_YEAR);
			}
			return dateTime;
		}
	}
}
