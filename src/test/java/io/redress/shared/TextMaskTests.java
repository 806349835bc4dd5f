package io.redress.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextMaskTests {

	@Test
	void hidesEmailAddresses() {
		assertThat(TextMask.mask("Write to jane.doe+shop@example.co.uk today"))
				.isEqualTo("Write to [hidden] today");
	}

	@Test
	void hidesPhoneNumbersInCommonShapes() {
		assertThat(TextMask.mask("Call +44 20 7946 0958 or (555) 123-4567 or 0612345678"))
				.isEqualTo("Call [hidden] or [hidden] or [hidden]");
	}

	@Test
	void hidesCardLikeNumbers() {
		assertThat(TextMask.mask("Card 4111 1111 1111 1111 was charged")).isEqualTo("Card [hidden] was charged");
		assertThat(TextMask.mask("Card 4111-1111-1111-1111")).isEqualTo("Card [hidden]");
	}

	@Test
	void leavesOrdinaryTextAndShortNumbersAlone() {
		assertThat(TextMask.mask("Order 123 arrived 2 days late, 59.90 EUR")).isEqualTo("Order 123 arrived 2 days late, 59.90 EUR");
		assertThat(TextMask.mask(null)).isNull();
		assertThat(TextMask.mask("")).isEmpty();
	}

	@Test
	void textMaskedToStoreFitsItsColumnThoughHiddenIsLongerThanWhatItHides() {
		String emails = "a@b.co ".repeat(30).strip();

		assertThat(TextMask.maskToStore(emails, 200)).hasSize(200).startsWith("[hidden] [hidden]");
		assertThat(TextMask.maskToStore("Mail a@b.co", 200)).isEqualTo("Mail [hidden]");
		assertThat(TextMask.maskToStore(null, 200)).isNull();
	}
}
