package io.redress.brand;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SlugsAndWebAddressTests {

	@Test
	void slugsAreMadeFromNames() {
		assertThat(Slugs.from("Crème Brûlée & Co.")).isEqualTo("creme-brulee-co");
		assertThat(Slugs.from("  ACME  ")).isEqualTo("acme");
		assertThat(Slugs.from("株式会社")).isEmpty();
		String long_ = Slugs.from("word ".repeat(30));
		assertThat(long_).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH).doesNotEndWith("-");
	}

	@Test
	void onlyLowerCaseWordsJoinedByHyphensAreValidSlugs() {
		assertThat(Slugs.isValid("acme-2")).isTrue();
		assertThat(Slugs.isValid("Acme")).isFalse();
		assertThat(Slugs.isValid("acme--2")).isFalse();
		assertThat(Slugs.isValid("-acme")).isFalse();
		assertThat(Slugs.isValid("a".repeat(61))).isFalse();
		assertThat(Slugs.isValid(null)).isFalse();
	}

	/** The slug's grammar, as a regular expression: {@code Slugs.isValid} reads it in one pass. */
	@Test
	void aSlugIsWhatItsGrammarSays() {
		Pattern grammar = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
		String alphabet = "az09-A_ \u00e9";
		List<String> texts = new ArrayList<>(List.of("", "a".repeat(60), "a".repeat(61), "acme-2-b", "acme-"));
		for (int length = 1; length <= 4; length++) {
			for (int n = 0; n < Math.pow(alphabet.length(), length); n++) {
				StringBuilder text = new StringBuilder();
				for (int i = 0, rest = n; i < length; i++, rest /= alphabet.length()) {
					text.append(alphabet.charAt(rest % alphabet.length()));
				}
				texts.add(text.toString());
			}
		}
		for (String text : texts) {
			assertThat(Slugs.isValid(text)).as(text)
					.isEqualTo(text.length() <= Slugs.MAX_LENGTH && grammar.matcher(text).matches());
		}
	}

	@Test
	void websitesReduceToSchemeHostAndDomain() {
		assertThat(WebAddress.parse("acme.com")).contains(new WebAddress("https://acme.com", "acme.com"));
		assertThat(WebAddress.parse("https://www.Acme.com/shop?x=1"))
				.contains(new WebAddress("https://www.acme.com", "acme.com"));
		assertThat(WebAddress.parse("http://shop.acme.co.uk")).contains(new WebAddress("http://shop.acme.co.uk",
				"shop.acme.co.uk"));
	}

	@Test
	void rejectsWhatIsNotAWebsite() {
		for (String input : new String[] { null, "", "acme", "ftp://acme.com", "https://user:pw@acme.com",
				"localhost", "http://127.0.0.1", "not a site", "acme.com/" + "x".repeat(300) }) {
			assertThat(WebAddress.parse(input)).as(String.valueOf(input)).isEmpty();
		}
	}
}
