package io.redress.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What makes two requests "the same" for an idempotency key: a SHA-256 of their meaningful parts, so a retry with
 * the same key and the same content gets the first answer, and the same key with other content is refused.
 */
public final class RequestHash {

	private RequestHash() {
	}

	public static String of(String... parts) {
		String canonical = String.join("\u0000", parts);
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JDK", ex);
		}
	}
}
