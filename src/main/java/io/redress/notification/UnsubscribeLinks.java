package io.redress.notification;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-click unsubscribe links of the mails (RFC 8058): what to stop, signed with HMAC-SHA256, so a link stops
 * only what its mail was about and nobody can make one for someone else. A person's link stops one kind (or, from
 * a digest, every kind); an invitation's stops every invitation to that address, for good.
 */
final class UnsubscribeLinks {

	static final String PATH = "/notifications/unsubscribe";

	/** What a link stops: a person's kind ({@code kind} null: all), or invitations to an address. */
	record Target(String subject, NotificationKind kind, String invitedEmail) {
	}

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final byte[] key;
	private final String base;

	private UnsubscribeLinks(byte[] key, String baseUrl) {
		this.key = key;
		this.base = baseUrl.replaceAll("/+$", "") + PATH + "?token=";
	}

	/** With the configured key; without one, a random key (links then last until the next start). */
	static UnsubscribeLinks of(NotificationProperties settings) {
		byte[] key = settings.signingKey().getBytes(StandardCharsets.UTF_8);
		if (settings.signingKey().isBlank()) {
			key = new byte[32];
			new SecureRandom().nextBytes(key);
		}
		return new UnsubscribeLinks(key, settings.baseUrl());
	}

	String forPerson(String subject, NotificationKind kind) {
		return base + token("p\n" + subject + "\n" + (kind == null ? "" : kind.name()));
	}

	String forInvitation(String email) {
		return base + token("i\n" + email + "\n");
	}

	Optional<Target> read(String token) {
		if (token == null) {
			return Optional.empty();
		}
		int dot = token.indexOf('.');
		try {
			byte[] payload = DECODER.decode(token.substring(0, Math.max(dot, 0)));
			byte[] signature = DECODER.decode(token.substring(dot + 1));
			if (dot <= 0 || !MessageDigest.isEqual(signature, sign(payload))) {
				return Optional.empty();
			}
			String[] parts = new String(payload, StandardCharsets.UTF_8).split("\n", -1);
			if (parts.length != 3) {
				return Optional.empty();
			}
			return Optional.of(parts[0].equals("i") ? new Target(null, null, parts[1])
					: new Target(parts[1], parts[2].isEmpty() ? null : NotificationKind.valueOf(parts[2]), null));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	private String token(String payload) {
		byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
		return ENCODER.encodeToString(bytes) + "." + ENCODER.encodeToString(sign(bytes));
	}

	private byte[] sign(byte[] payload) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return mac.doFinal(payload);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("Every JVM has HmacSHA256", ex);
		}
	}
}
