package io.redress.account;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PseudonymsTests {

	@Test
	void pseudonymsAreShopperAndSixUnambiguousCharactersThatDifferFromOneToTheNext() {
		Set<String> names = new HashSet<>();
		for (int i = 0; i < 1000; i++) {
			String name = Pseudonyms.next();
			assertThat(name).matches("Shopper-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}");
			names.add(name);
		}
		// 30^6 names: a thousand draws meet twice with a chance of about one in 1,500.
		assertThat(names).hasSizeGreaterThan(995);
	}
}
