package io.redress.webhook;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Which addresses a webhook may reach: public ones, and those in the networks a setting allows (a local receiver in
 * tests and development). Never the server's own network, a cloud's metadata address or anything else a stranger
 * could not reach from the internet: a webhook URL is chosen by a brand, and the server must not be their proxy.
 */
@Component
class AddressPolicy {

	/** Ranges that are not public beyond what {@link InetAddress}'s own checks (loopback, private, link-local) say. */
	private static final List<Network> RESERVED = List.of(Network.parse("0.0.0.0/8"), Network.parse("100.64.0.0/10"),
			Network.parse("192.0.0.0/24"), Network.parse("192.0.2.0/24"), Network.parse("198.18.0.0/15"),
			Network.parse("198.51.100.0/24"), Network.parse("203.0.113.0/24"), Network.parse("240.0.0.0/4"),
			Network.parse("fc00::/7"), Network.parse("64:ff9b::/96"), Network.parse("2001:db8::/32"));

	private final List<Network> allowed;

	AddressPolicy(WebhookSettings settings) {
		try {
			this.allowed = settings.allowedPrivateNetworks().stream().map(Network::parse).toList();
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("redress.webhooks.allowed-private-networks: " + ex.getMessage(), ex);
		}
	}

	/** Whether a delivery may connect to the address. */
	boolean allows(InetAddress address) {
		return isPublic(address) || inAllowedNetwork(address);
	}

	/** Whether the address is in a network the settings open, where plain http is allowed too. */
	boolean inAllowedNetwork(InetAddress address) {
		return allowed.stream().anyMatch(network -> network.contains(address));
	}

	static boolean isPublic(InetAddress address) {
		return !(address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
				|| address.isSiteLocalAddress() || address.isMulticastAddress()
				|| RESERVED.stream().anyMatch(network -> network.contains(address)));
	}

	/** A CIDR network, IPv4 or IPv6. */
	record Network(byte[] prefix, int bits) {

		static Network parse(String cidr) {
			String[] parts = cidr.strip().split("/");
			if (parts.length > 2 || !parts[0].matches("[0-9a-fA-F:.]+")) {
				throw new IllegalArgumentException("Not a network (CIDR): " + cidr);
			}
			try {
				// An IP literal: InetAddress parses it without a name lookup.
				byte[] prefix = InetAddress.getByName(parts[0]).getAddress();
				int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : prefix.length * 8;
				if (bits < 0 || bits > prefix.length * 8) {
					throw new IllegalArgumentException("Not a network (CIDR): " + cidr);
				}
				return new Network(prefix, bits);
			}
			catch (UnknownHostException | NumberFormatException ex) {
				throw new IllegalArgumentException("Not a network (CIDR): " + cidr, ex);
			}
		}

		boolean contains(InetAddress address) {
			byte[] candidate = address.getAddress();
			if (candidate.length != prefix.length) {
				return false;
			}
			for (int bit = 0; bit < bits; bit++) {
				int mask = 0x80 >> (bit % 8);
				if ((candidate[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
					return false;
				}
			}
			return true;
		}
	}
}
