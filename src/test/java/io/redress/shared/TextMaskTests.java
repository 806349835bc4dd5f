package io.redress.shared;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/** Contact details in public text, in the shapes people write them and the shapes that try to slip past. */
class TextMaskTests {

	/** Each line: the text as written ⟶ the text the public sees. */
	private static final String TABLE = """
			Write to jane.doe+shop@example.co.uk today ⟶ Write to [hidden] today
			mail: JANE@EXAMPLE.COM ⟶ mail: [hidden]
			jane(at)example(dot)com ⟶ [hidden]
			jane [at] example [dot] com please ⟶ [hidden] please
			jane { at } example.com ⟶ [hidden]
			jane＠example．com ⟶ [hidden]
			ｊａｎｅ＠ｅｘａｍｐｌｅ．ｃｏｍ ⟶ [hidden]
			josé.müller@exämple.de ⟶ [hidden]
			Call +44 20 7946 0958 now ⟶ Call [hidden] now
			(555) 123-4567 ⟶ [hidden]
			555 - 123 - 4567 ⟶ [hidden]
			555.123.4567 ⟶ [hidden]
			555/123/4567 ⟶ [hidden]
			555_123_4567 ⟶ [hidden]
			555–123–4567 ⟶ [hidden]
			555 • 123 • 4567 ⟶ [hidden]
			phone5551234567 ⟶ phone[hidden]
			tel:5551234567 ⟶ tel:[hidden]
			call me on 0612345678! ⟶ call me on [hidden]!
			５５５１２３４５６７ ⟶ [hidden]
			５５５－１２３－４５６７ ⟶ [hidden]
			+ 44 7700 900123 ⟶ [hidden]
			+1(555)123 4567 ⟶ [hidden]
			Card 4111 1111 1111 1111 was charged ⟶ Card [hidden] was charged
			Card 4111-1111-1111-1111 ⟶ Card [hidden]
			4111/1111/1111/1111 ⟶ [hidden]
			4111.1111.1111.1111 ⟶ [hidden]
			card4111111111111111x ⟶ card[hidden]x
			４１１１ １１１１ １１１１ １１１１ ⟶ [hidden]
			Amex 3782 822463 10005 ⟶ Amex [hidden]
			Order 123 arrived 2 days late, 59.90 EUR ⟶ Order 123 arrived 2 days late, 59.90 EUR
			Refund of 1,299.00 expected ⟶ Refund of 1,299.00 expected
			Version 2.0.1 broke it ⟶ Version 2.0.1 broke it
			It took 3 weeks and 2 calls ⟶ It took 3 weeks and 2 calls
			Open 9:00–17:30 ⟶ Open 9:00–17:30
			Room 101, floor 4 ⟶ Room 101, floor 4
			Meet me at the shop at 5 ⟶ Meet me at the shop at 5
			We met @acme on social media ⟶ We met @acme on social media
			Temperature was -20 degrees ⟶ Temperature was -20 degrees
			A 6-digit code 123456 is fine ⟶ A 6-digit code 123456 is fine
			Tracking 1Z999AA10123456784 ⟶ Tracking 1Z999AA[hidden]
			ﬁne print ⟶ fine print
			Order 123456 on 12.03.2024 at 14:30 ⟶ Order 123456 on [hidden] at 14:30
			Paid 59.90 for order 100001, 2 of 3 items broken ⟶ Paid 59.90 for order 100001, 2 of 3 items broken
			555 12 4 ⟶ 555 12 4
			555 1234 ⟶ [hidden]
			555    1234 ⟶ 555    1234
			123456 (at) 7 ⟶ 123456 (at) 7
			Call 555-1234 or write to jane@example.com ⟶ Call [hidden] or write to [hidden]
			a@b.co5551234 ⟶ [hidden][hidden]
			ｊａｎｅ (ａｔ) ｅｘａｍｐｌｅ (ｄｏｔ) ｃｏｍ ⟶ [hidden]
			4111 1111 1111 111 ⟶ [hidden]
			""";

	@Test
	void masksEveryTrickyInputOfTheTable() {
		List<String[]> rows = TABLE.lines().filter(line -> !line.isBlank()).map(line -> line.split(" ⟶ ", 2)).toList();

		assertThat(rows).hasSizeGreaterThanOrEqualTo(40);
		assertThat(rows).allSatisfy(row -> assertThat(TextMask.mask(row[0])).as(row[0]).isEqualTo(row[1]));
	}

	/**
	 * Masking skips the patterns a text cannot match (no "@", no bracket, no number of seven digits): whatever it
	 * skips, the answer is the one every pattern run in full gives.
	 */
	@Test
	void skippingPatternsNeverChangesTheAnswer() {
		String[] pieces = { "1", "2", "5", "0", "1", "9", " ", " ", "-", ".", "/", "(", ")", "[", "]", "{", "}", "·",
				"–", "+", "@", "at", "AT", "dot", "a", "x", "co", "de", "com", "\t", "_", "*", "#", ",", ":", "é",
				"５", "＠", "，", "\u00A0" };
		Random random = new Random(12);
		for (int i = 0; i < 20_000; i++) {
			StringBuilder text = new StringBuilder();
			int length = 1 + random.nextInt(30);
			for (int j = 0; j < length; j++) {
				text.append(pieces[random.nextInt(pieces.length)]);
			}
			String written = text.toString();
			assertThat(TextMask.mask(written)).as(written).isEqualTo(TextMask.maskWithEveryPattern(written));
		}
	}

	/** Text of the longest allowed length built to make a regular expression backtrack or recurse without end. */
	@Test
	void hostileTextIsMaskedWithoutFailing() {
		List<String> hostile = List.of("a@" + "b.".repeat(5000) + "1", "a.".repeat(5000) + "@",
				"x".repeat(9000) + "@" + "y".repeat(900), "1 ".repeat(5000), "12 - ".repeat(2000),
				"a@b.".repeat(2500), "(at) x (dot) ".repeat(700), "1(2".repeat(3000));

		assertThat(hostile).allSatisfy(text -> assertThatCode(() -> TextMask.mask(text)).doesNotThrowAnyException());
	}

	@Test
	void leavesNothingToMaskUntouchedAndEmptyTextEmpty() {
		assertThat(TextMask.mask(null)).isNull();
		assertThat(TextMask.mask("")).isEmpty();
		String plain = "No digits and no at sign here";
		assertThat(TextMask.mask(plain)).isSameAs(plain);
	}

	@Test
	void textMaskedToStoreFitsItsColumnThoughHiddenIsLongerThanWhatItHides() {
		String emails = "a@b.co ".repeat(30).strip();

		assertThat(TextMask.maskToStore(emails, 200)).hasSize(200).startsWith("[hidden] [hidden]");
		assertThat(TextMask.maskToStore("Mail a@b.co", 200)).isEqualTo("Mail [hidden]");
		assertThat(TextMask.maskToStore(null, 200)).isNull();
	}
}
