package io.redress.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque keyset cursors: the sort key of a row, encoded so clients treat it as a token. */
public final class Cursors {

	private static final char SEPARATOR = '\u001f';

	private Cursors() {
	}

	public static String encode(String key, long id) {
		return Base64.getUrlEncoder().withoutPadding()
				.encodeToString((key + SEPARATOR + id).getBytes(StandardCharsets.UTF_8));
	}

	/** The decoded sort key of a cursor; a cursor this server did not make is a bad request. */
	public static Key decode(String cursor) {
		try {
			String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
			int at = plain.lastIndexOf(SEPARATOR);
			// The keys this server writes hold no control characters, and PostgreSQL refuses a NUL in text outright.
			if (at < 0 || plain.substring(0, at).chars().anyMatch(Character::isISOControl)) {
				throw new BadRequestException("after is not a cursor of this connection");
			}
			return new Key(plain.substring(0, at), Long.parseLong(plain.substring(at + 1)));
		}
		catch (IllegalArgumentException ex) {
			throw new BadRequestException("after is not a cursor of this connection");
		}
	}

	public record Key(String value, long id) {
	}
}
