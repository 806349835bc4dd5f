package io.redress.account;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;

/** Public names for consumers who have not chosen one: never derived from their e-mail or real name. */
final class Pseudonyms {

	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
	/**
	 * DRBG, seeded once, then computing alone. The default on Linux (NativePRNG) reads /dev/urandom under a lock the
	 * whole JVM shares whenever its small buffer runs out, and a pseudonym is drawn on an event loop for every
	 * signed-in request and subscription: the mixed real-time benchmark's JFR caught those reads taking 26 to 58 ms on
	 * the event loops of a loaded machine.
	 */
	private static final SecureRandom RANDOM = drbg();

	private Pseudonyms() {
	}

	private static SecureRandom drbg() {
		try {
			return SecureRandom.getInstance("DRBG");
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every JDK since 9 has DRBG", ex);
		}
	}

	static String next() {
		char[] suffix = new char[6];
		for (int i = 0; i < suffix.length; i++) {
			suffix[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return "Shopper-" + new String(suffix);
	}
}
