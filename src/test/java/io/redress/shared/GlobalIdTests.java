package io.redress.shared;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlobalIdTests {

	@Test
	void roundTripsTypeAndId() {
		String encoded = GlobalId.encode("Brand", 42);
		assertThat(GlobalId.decode(encoded)).contains(new GlobalId("Brand", 42));
		assertThat(GlobalId.decode(encoded, "Brand")).contains(42L);
	}

	@Test
	void idOfAnotherTypeNeverMatches() {
		assertThat(GlobalId.decode(GlobalId.encode("Complaint", 42), "Brand")).isEmpty();
	}

	@Test
	void anythingNotOursIsEmpty() {
		for (String value : new String[] { null, "", "garbage", "!!!", "x".repeat(101),
				GlobalId.encode("Brand", 1).replace('Q', '*') }) {
			assertThat(GlobalId.decode(value)).isEmpty();
		}
		assertThat(GlobalId.decode(java.util.Base64.getUrlEncoder().encodeToString("Brand:0".getBytes())))
				.isEmpty();
		assertThat(GlobalId.decode(java.util.Base64.getUrlEncoder().encodeToString("Brand:-5".getBytes())))
				.isEmpty();
	}
}
