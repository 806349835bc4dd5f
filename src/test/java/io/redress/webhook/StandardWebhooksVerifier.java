package io.redress.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A receiver's check of a delivery, written from the Standard Webhooks specification (standardwebhooks.com, "Verifying
 * webhook authenticity") and nothing of the server's code: the secret is {@code whsec_} and base64 key bytes; the
 * signed content is {@code webhook-id + "." + webhook-timestamp + "." + body}; {@code webhook-signature} is a
 * space-delimited list of {@code v1,<base64 HMAC-SHA256>}, any one of which may match (several during a rotation);
 * signatures are compared in constant time and a timestamp more than five minutes away is refused.
 */
public final class StandardWebhooksVerifier {

	private static final Duration TOLERANCE = Duration.ofMinutes(5);

	private final byte[] key;

	public StandardWebhooksVerifier(String secret) {
		if (!secret.startsWith("whsec_")) {
			throw new IllegalArgumentException("A Standard Webhooks secret starts with whsec_");
		}
		this.key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
	}

	/** Whether the headers and body are a delivery signed with this secret, sent within the tolerance. */
	public boolean verifies(Map<String, String> headers, String body) {
		String id = headers.get("webhook-id");
		String timestamp = headers.get("webhook-timestamp");
		String signatures = headers.get("webhook-signature");
		if (id == null || timestamp == null || signatures == null) {
			return false;
		}
		long sent = Long.parseLong(timestamp);
		if (Duration.between(Instant.ofEpochSecond(sent), Instant.now()).abs().compareTo(TOLERANCE) > 0) {
			return false;
		}
		byte[] expected = hmac(id + "." + timestamp + "." + body);
		for (String versioned : signatures.split(" ")) {
			int comma = versioned.indexOf(',');
			if (comma < 0 || !versioned.substring(0, comma).equals("v1")) {
				continue;
			}
			byte[] given = Base64.getDecoder().decode(versioned.substring(comma + 1));
			if (MessageDigest.isEqual(expected, given)) {
				return true;
			}
		}
		return false;
	}

	private byte[] hmac(String content) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(content.getBytes(StandardCharsets.UTF_8));
		}
		catch (java.security.GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}
}
