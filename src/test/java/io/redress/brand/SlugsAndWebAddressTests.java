package io.redress.brand;

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
