package io.redress.security;

import java.util.Map;

import graphql.introspection.Introspection;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Callers without a token do not introspect the schema unless the deployment allows it
 * ({@code redress.security.anonymous-introspection}); signed-in callers and code generators with a token still do.
 * {@code __typename} is not introspection and always answers.
 */
@Component
class AnonymousIntrospection implements WebGraphQlInterceptor, Ordered {

	private final boolean allowed;

	AnonymousIntrospection(SecuritySettings settings) {
		this.allowed = settings.anonymousIntrospection();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (allowed) {
			return chain.next(request);
		}
		return CurrentViewer.get().flatMap(viewer -> {
			if (!viewer.isAuthenticated()) {
				request.configureExecutionInput((input, builder) -> builder
						.graphQLContext(Map.of(Introspection.INTROSPECTION_DISABLED, true)).build());
			}
			return chain.next(request);
		});
	}

	@Override
	public int getOrder() {
		return 1;
	}
}
