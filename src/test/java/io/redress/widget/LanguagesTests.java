package io.redress.widget;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Which of the five languages a visitor gets: the one asked for, else the browser's best, else English. */
class LanguagesTests {

	@Test
	void theLanguageAskedForWinsOverTheBrowsers() {
		assertThat(Languages.of("de", "fr")).isEqualTo(Locale.GERMAN);
	}

	@Test
	void aLanguageAloneOrARegionOfItFindsTheOneSpokenHere() {
		assertThat(Languages.of("pt", null)).isEqualTo(Locale.forLanguageTag("pt-BR"));
		assertThat(Languages.of("pt-BR", null)).isEqualTo(Locale.forLanguageTag("pt-BR"));
		assertThat(Languages.of("de-AT", null)).isEqualTo(Locale.GERMAN);
		assertThat(Languages.of("es-419", null)).isEqualTo(Locale.forLanguageTag("es"));
	}

	@Test
	void theBrowsersPreferencesAreTakenInTheirOrder() {
		assertThat(Languages.of(null, "nl-NL, fr-CH;q=0.9, en;q=0.5")).isEqualTo(Locale.FRENCH);
		assertThat(Languages.of("", "es-MX,es;q=0.9")).isEqualTo(Locale.forLanguageTag("es"));
	}

	@Test
	void anythingElseIsEnglish() {
		assertThat(Languages.of("xx", null)).isEqualTo(Locale.ENGLISH);
		assertThat(Languages.of(null, "nl")).isEqualTo(Locale.ENGLISH);
		assertThat(Languages.of("not a tag;;", "also, not ;; one")).isEqualTo(Locale.ENGLISH);
		assertThat(Languages.of(null, null)).isEqualTo(Locale.ENGLISH);
	}

	@Test
	void everyLanguageHasEveryText() {
		Texts texts = new Texts();
		for (Locale language : Languages.SUPPORTED) {
			Words words = texts.in(language);
			assertThat(words.get("score.notEnough", 2, 5)).as(language.toString()).contains("2").contains("5");
			assertThat(words.get("unknown.text")).as(language.toString()).doesNotContain("''");
		}
	}
}
