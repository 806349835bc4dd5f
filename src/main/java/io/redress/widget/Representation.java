package io.redress.widget;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Arrays;

import org.springframework.http.MediaType;

/**
 * A rendered widget: its bytes, their media type, and a strong ETag derived from the bytes, so equal bytes always
 * carry an equal tag on every node.
 */
record Representation(byte[] body, MediaType mediaType, String etag) {

	static Representation of(String text, MediaType mediaType) {
		byte[] body = text.getBytes(StandardCharsets.UTF_8);
		return of(body, mediaType);
	}

	static Representation of(byte[] body, MediaType mediaType) {
		return new Representation(body, mediaType, etagOf(body));
	}

	private static String etagOf(byte[] body) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
			return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 18)) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JVM has SHA-256", ex);
		}
	}
}
