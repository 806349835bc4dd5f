package io.redress.webhook;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

import io.redress.shared.InputCheck;
import io.redress.shared.UserError;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Checks a webhook URL before it is stored: an absolute https URL (plain http only into an allowed private network)
 * without credentials, whose host resolves to addresses a delivery may reach. The name is looked up with the JDK's
 * resolver, which blocks, on a small scheduler of its own. Deliveries check the address again when they connect
 * ({@link WebhookClient}), so a name that later resolves elsewhere reaches nothing private either.
 */
@Component
class WebhookUrls implements DisposableBean {

	static final int MAX_LENGTH = 2000;

	private final AddressPolicy policy;
	private final Scheduler lookups = Schedulers.newBoundedElastic(4, 100, "webhook-dns");

	WebhookUrls(AddressPolicy policy) {
		this.policy = policy;
	}

	/** The URL's user errors under {@code field}; none when it may be stored. */
	Mono<List<UserError>> check(String field, String url) {
		InputCheck text = new InputCheck().requiredText(field, url, MAX_LENGTH);
		if (text.failed()) {
			return Mono.just(text.errors());
		}
		Optional<URI> parsed = parse(url.strip());
		if (parsed.isEmpty()) {
			return Mono.just(List.of(UserError.of(field, "INVALID_URL", field + " must be an absolute https URL")));
		}
		URI uri = parsed.get();
		String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
				: uri.getHost();
		boolean https = uri.getScheme().equalsIgnoreCase("https");
		return addresses(host).map(found -> {
			if (found.isEmpty()) {
				return List.of(UserError.of(field, "UNRESOLVABLE_HOST", "The host " + host + " was not found"));
			}
			if (!found.stream().allMatch(policy::allows)) {
				return List.of(UserError.of(field, "PRIVATE_ADDRESS",
						"The host " + host + " is not a public address; webhooks reach public addresses only"));
			}
			if (!https && !found.stream().allMatch(policy::inAllowedNetwork)) {
				return List.of(UserError.of(field, "NOT_HTTPS", field + " must use https"));
			}
			return List.of();
		});
	}

	/** An absolute http(s) URL with a host and no user name, password or fragment. */
	static Optional<URI> parse(String url) {
		try {
			URI uri = new URI(url);
			String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
			boolean valid = (scheme.equals("https") || scheme.equals("http")) && uri.getHost() != null
					&& !uri.getHost().isEmpty() && uri.getRawUserInfo() == null && uri.getRawFragment() == null;
			return valid ? Optional.of(uri) : Optional.empty();
		}
		catch (URISyntaxException ex) {
			return Optional.empty();
		}
	}

	private Mono<List<InetAddress>> addresses(String host) {
		return Mono.fromCallable(() -> List.of(InetAddress.getAllByName(host)))
				.subscribeOn(lookups)
				.timeout(Duration.ofSeconds(5))
				.onErrorResume(ex -> ex instanceof UnknownHostException || ex instanceof TimeoutException,
						ex -> Mono.just(List.of()));
	}

	@Override
	public void destroy() {
		lookups.dispose();
	}
}
