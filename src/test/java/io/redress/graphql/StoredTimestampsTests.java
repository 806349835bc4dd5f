package io.redress.graphql;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.r2dbc.postgresql.client.EncodedParameter;
import io.r2dbc.postgresql.codec.Codec;
import io.r2dbc.postgresql.codec.DefaultCodecs;
import io.r2dbc.postgresql.message.Format;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The quick decoding of binary {@code timestamptz} gives what the driver's own codec gives, for every kind of value. */
class StoredTimestampsTests {

	private static final long DAY = 86_400_000_000L;

	@Test
	void decodesAsTheDriverDoes() {
		DefaultCodecs codecs = new DefaultCodecs(ByteBufAllocator.DEFAULT);
		@SuppressWarnings("unchecked")
		Codec<OffsetDateTime> driver = (Codec<OffsetDateTime>) StreamSupport.stream(codecs.spliterator(), false)
				.filter(codec -> codec.canDecode(StoredTimestamps.TIMESTAMPTZ, Format.FORMAT_BINARY,
						OffsetDateTime.class))
				.findFirst().orElseThrow();
		List<ZoneId> zones = List.of(ZoneId.of("UTC"), ZoneId.systemDefault(), ZoneId.of("Europe/Berlin"));
		List<Long> values = new ArrayList<>(List.of(0L, 1L, -1L, 999_999L, -999_999L, 1_000_000L, -1_000_001L,
				817_000_000_123_456L, 9_000L * 365 * DAY, -730_000L * DAY / 1000 * 1000, Long.MAX_VALUE / 1000));
		values.add(-150_000L * DAY); // before the Gregorian calendar (1589 years earlier): the driver shifts it
		values.add(-153_000L * DAY);
		values.add(Long.MAX_VALUE); // infinity
		values.add(Long.MIN_VALUE); // -infinity
		for (long micros = -5 * DAY; micros < 5 * DAY; micros += DAY / 7 + 12_345) {
			values.add(micros);
		}
		for (ZoneId zone : zones) {
			StoredTimestamps.Decoder quick = new StoredTimestamps.Decoder(driver, zone.getRules());
			for (long micros : values) {
				OffsetDateTime expected = driver.decode(binary(micros), StoredTimestamps.TIMESTAMPTZ,
						Format.FORMAT_BINARY, OffsetDateTime.class);
				if (zone.equals(ZoneId.systemDefault())) {
					assertThat(quick.decode(binary(micros), StoredTimestamps.TIMESTAMPTZ, Format.FORMAT_BINARY,
							OffsetDateTime.class)).as("%d micros", micros).isEqualTo(expected);
				}
				else {
					// The driver always takes the default zone's offset; the same instant in the zone given.
					assertThat(quick.decode(binary(micros), StoredTimestamps.TIMESTAMPTZ, Format.FORMAT_BINARY,
							OffsetDateTime.class).toInstant()).as("%d micros", micros).isEqualTo(expected.toInstant());
				}
			}
		}
		assertThat(quick(driver).decode(null, StoredTimestamps.TIMESTAMPTZ, Format.FORMAT_BINARY,
				OffsetDateTime.class)).isNull();
	}

	@Test
	void theDriverTakesItForBinaryTimestampsWithTimeZoneAndEncodesAsBefore() {
		DefaultCodecs plain = new DefaultCodecs(ByteBufAllocator.DEFAULT);
		DefaultCodecs registered = new DefaultCodecs(ByteBufAllocator.DEFAULT);
		new StoredTimestamps().register(null, ByteBufAllocator.DEFAULT, registered);
		new StoredTimestamps().register(null, ByteBufAllocator.DEFAULT, registered);

		assertThat(StreamSupport.stream(registered.spliterator(), false)
				.filter(StoredTimestamps.Decoder.class::isInstance)).hasSize(1);
		for (long micros : List.of(0L, 817_000_000_123_456L, -153_000L * DAY)) {
			assertThat(registered.decode(binary(micros), StoredTimestamps.TIMESTAMPTZ, Format.FORMAT_BINARY,
					OffsetDateTime.class)).isEqualTo(plain.decode(binary(micros), StoredTimestamps.TIMESTAMPTZ,
							Format.FORMAT_BINARY, OffsetDateTime.class));
		}
		OffsetDateTime value = OffsetDateTime.parse("2026-11-30T16:00:00.123456+01:00");
		assertThat(described(registered.encode(value))).isEqualTo(described(plain.encode(value)));
		assertThat(described(registered.encodeNull(OffsetDateTime.class)))
				.isEqualTo(described(plain.encodeNull(OffsetDateTime.class)));
	}

	@Test
	void takesOnlyBinaryTimestampsWithTimeZoneAsOffsetDateTime() {
		StoredTimestamps.Decoder quick = quick(null);
		assertThat(quick.canDecode(StoredTimestamps.TIMESTAMPTZ, Format.FORMAT_BINARY, OffsetDateTime.class)).isTrue();
		assertThat(quick.canDecode(StoredTimestamps.TIMESTAMPTZ, Format.FORMAT_TEXT, OffsetDateTime.class)).isFalse();
		assertThat(quick.canDecode(StoredTimestamps.TIMESTAMPTZ, Format.FORMAT_BINARY, Object.class)).isFalse();
		assertThat(quick.canDecode(1114, Format.FORMAT_BINARY, OffsetDateTime.class)).isFalse();
	}

	private static StoredTimestamps.Decoder quick(Codec<OffsetDateTime> driver) {
		return new StoredTimestamps.Decoder(driver, ZoneId.systemDefault().getRules());
	}

	/** An encoded parameter's format and type (its value is a publisher, told apart by identity only). */
	private static String described(EncodedParameter parameter) {
		return parameter.toString().replaceAll("value=.*", "");
	}

	private static ByteBuf binary(long micros) {
		return Unpooled.buffer(8).writeLong(micros);
	}
}
