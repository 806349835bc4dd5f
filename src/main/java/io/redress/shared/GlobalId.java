package io.redress.shared;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * A Relay global id: the GraphQL type name and the row id, made opaque so clients never build one by hand.
 */
public record GlobalId(String type, long id) {

	private static final int MAX_ENCODED_LENGTH = 100;

	public GlobalId {
		if (type == null || type.isEmpty() || type.indexOf(':') >= 0) {
			throw new IllegalArgumentException("type must be a GraphQL type name");
		}
	}

	public static String encode(String type, long id) {
		return new GlobalId(type, id).encoded();
	}

	public String encoded() {
		return Base64.getUrlEncoder().withoutPadding()
				.encodeToString((type + ":" + id).getBytes(StandardCharsets.UTF_8));
	}

	/** Decodes any string a client sends; anything that is not one of ours is simply empty. */
	public static Optional<GlobalId> decode(String value) {
		if (value == null || value.isEmpty() || value.length() > MAX_ENCODED_LENGTH) {
			return Optional.empty();
		}
		try {
			String plain = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
			int colon = plain.indexOf(':');
			if (colon <= 0) {
				return Optional.empty();
			}
			long id = Long.parseLong(plain.substring(colon + 1));
			return id > 0 ? Optional.of(new GlobalId(plain.substring(0, colon), id)) : Optional.empty();
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/** The row id when {@code value} is a global id of {@code expectedType}, so ids of other types never match. */
	public static Optional<Long> decode(String value, String expectedType) {
		return decode(value).filter(id -> id.type().equals(expectedType)).map(GlobalId::id);
	}
}
