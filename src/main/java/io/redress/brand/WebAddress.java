package io.redress.brand;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A brand's website reduced to what identifies the brand: scheme and host. {@code www.acme.com/shop} and
 * {@code https://acme.com} are the same brand, so both normalise to the domain {@code acme.com}.
 */
record WebAddress(String website, String domain) {

	private static final Pattern HOST = Pattern.compile("^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");

	static Optional<WebAddress> parse(String input) {
		if (input == null || input.isBlank() || input.length() > 300) {
			return Optional.empty();
		}
		String text = input.strip();
		if (!text.contains("://")) {
			text = "https://" + text;
		}
		try {
			URI uri = new URI(text);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
			if (!(scheme.equals("https") || scheme.equals("http")) || !HOST.matcher(host).matches()
					|| uri.getUserInfo() != null) {
				return Optional.empty();
			}
			String domain = host.startsWith("www.") ? host.substring(4) : host;
			return Optional.of(new WebAddress(scheme + "://" + host, domain));
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}
}
