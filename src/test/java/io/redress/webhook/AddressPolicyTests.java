package io.redress.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which addresses a webhook may reach: public ones, and only the private networks a setting names. */
class AddressPolicyTests {

	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
			"100.64.0.1", "224.0.0.1", "::1", "fe80::1", "fd00::1", "::", "::ffff:10.0.0.1" })
	void privateLoopbackLinkLocalAndReservedAddressesAreRefused(String address) throws UnknownHostException {
		assertThat(policy(List.of()).allows(InetAddress.getByName(address))).isFalse();
	}

	@ParameterizedTest
	@ValueSource(strings = { "8.8.8.8", "1.1.1.1", "151.101.1.69", "2606:4700:4700::1111" })
	void publicAddressesAreAllowed(String address) throws UnknownHostException {
		assertThat(policy(List.of()).allows(InetAddress.getByName(address))).isTrue();
	}

	@Test
	void aSettingOpensANetworkAndNothingElse() throws UnknownHostException {
		AddressPolicy policy = policy(List.of("127.0.0.0/8"));

		assertThat(policy.allows(InetAddress.getByName("127.0.0.1"))).isTrue();
		assertThat(policy.inAllowedNetwork(InetAddress.getByName("127.0.0.1"))).isTrue();
		assertThat(policy.allows(InetAddress.getByName("10.0.0.1"))).isFalse();
		assertThat(policy.inAllowedNetwork(InetAddress.getByName("8.8.8.8"))).isFalse();
	}

	@Test
	void aNetworkThatIsNotACidrStopsStartUpNamingTheSetting() {
		assertThatThrownBy(() -> policy(List.of("localhost/8")))
				.hasMessageContaining("redress.webhooks.allowed-private-networks");
	}

	private static AddressPolicy policy(List<String> allowed) {
		return new AddressPolicy(new WebhookSettings(true, Duration.ofSeconds(10), List.of(Duration.ofSeconds(5)),
				Duration.ofDays(5), allowed, 8, Duration.ofSeconds(1), 200, Duration.ofDays(30)));
	}
}
