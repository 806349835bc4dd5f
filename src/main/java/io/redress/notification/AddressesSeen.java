package io.redress.notification;

import java.util.Objects;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.redress.security.CurrentViewer;
import io.redress.shared.EmailAddress;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Stores the address in each caller's token (its {@code email} claim) when it is first seen or has changed, so mails
 * reach people at the address their identity provider knows. A node remembers what it stored for the callers it saw
 * last, so a caller's requests cost no write until the claim changes.
 */
@Component
class AddressesSeen implements WebGraphQlInterceptor {

	private static final int REMEMBERED = 100_000;

	private final Recipients recipients;
	private final Cache<String, String> stored = Caffeine.newBuilder().maximumSize(REMEMBERED).build();

	AddressesSeen(Recipients recipients) {
		this.recipients = recipients;
	}

	/** After an erasure: a later token with the same subject is a new person, whose address is stored anew. */
	void forget(String subject) {
		stored.invalidate(subject);
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		return CurrentViewer.get().filter(viewer -> viewer.isAuthenticated())
				.flatMap(viewer -> CurrentViewer.emailClaim().flatMap(claim -> Mono.justOrEmpty(EmailAddress.parse(claim)))
						.filter(email -> !Objects.equals(stored.getIfPresent(viewer.subject()), email))
						.flatMap(email -> recipients.seen(viewer.subject(), email)
								.doOnSuccess(done -> stored.put(viewer.subject(), email))))
				// Never in the request's way: an address not stored now is stored on the caller's next request.
				.onErrorResume(ex -> Mono.empty())
				.then(Mono.defer(() -> chain.next(request)));
	}
}
