package io.redress.account;

import java.security.SecureRandom;

/** Public names for consumers who have not chosen one: never derived from their e-mail or real name. */
final class Pseudonyms {

	private static final char[] ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
	private static final SecureRandom RANDOM = new SecureRandom();

	private Pseudonyms() {
	}

	static String next() {
		char[] suffix = new char[6];
		for (int i = 0; i < suffix.length; i++) {
			suffix[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
		}
		return "Shopper-" + new String(suffix);
	}
}
