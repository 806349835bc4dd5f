package io.redress.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;

import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;

/** The firewall's header checks with the printable-ASCII shortcut accept and refuse exactly what the library's do. */
class PrintableAsciiFirstTests {

	private static final Predicate<String> NAMES = StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES;

	private static final Predicate<String> VALUES = StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES;

	private static final List<String> TEXTS = List.of("", "Content-Type", "application/graphql-response+json",
			"Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "a\tb", "\t", "caf\u00e9", "x\u0000", "x\u007f", "x\u0085y",
			"line\r\nInjected: yes", "\u2028", "emoji \ud83d\ude00", "lone \ud800 surrogate", "\udc00", "\uffff",
			"~ !\"#$%&'()*+,-./09:;<=>?@AZ[\\]^_`az{|}", "\u0378 unassigned");

	@Test
	void everyCodePointAloneIsJudgedAsTheLibraryJudgesIt() {
		for (Predicate<String> library : List.of(NAMES, VALUES)) {
			Predicate<String> shortcut = new PrintableAsciiFirst(library);
			for (int codePoint = 0; codePoint <= Character.MAX_CODE_POINT; codePoint++) {
				String text = Character.toString(codePoint);
				if (shortcut.test(text) != library.test(text)) {
					throw new AssertionError("differs from the library on U+%04X".formatted(codePoint));
				}
			}
		}
	}

	@Test
	void textsAreJudgedAsTheLibraryJudgesThem() {
		for (Predicate<String> library : List.of(NAMES, VALUES)) {
			Predicate<String> shortcut = new PrintableAsciiFirst(library);
			for (String text : TEXTS) {
				assertThat(shortcut.test(text)).as(text).isEqualTo(library.test(text));
			}
			assertThat(shortcut.test(null)).isEqualTo(library.test(null));
		}
	}

	@Test
	void whatTheLibraryRefusesIsStillRefused() {
		assertThat(new PrintableAsciiFirst(NAMES).test("a\tb")).as("a tab in a name").isFalse();
		assertThat(new PrintableAsciiFirst(VALUES).test("a\tb")).as("a tab in a value").isTrue();
		assertThat(new PrintableAsciiFirst(VALUES).test("x\u0085y")).as("a C1 control character").isFalse();
		assertThat(new PrintableAsciiFirst(VALUES).test("line\r\nInjected: yes")).isFalse();
	}

	@Test
	void printableAsciiIsAcceptedWithoutAskingTheLibrary() {
		Predicate<String> never = text -> {
			throw new AssertionError("asked the library about " + text);
		};
		assertThat(new PrintableAsciiFirst(never).test("application/json")).isTrue();
		assertThat(new PrintableAsciiFirst(never).test(null)).isTrue();
	}
}
