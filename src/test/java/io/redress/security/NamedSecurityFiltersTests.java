package io.redress.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.web.server.MatcherSecurityWebFilterChain;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.WebFilter;

class NamedSecurityFiltersTests {

	private final List<String> ran = new ArrayList<>();

	private final WebFilter first = (exchange, chain) -> {
		ran.add("first");
		return chain.filter(exchange);
	};

	private final WebFilter second = (exchange, chain) -> {
		ran.add("second");
		return chain.filter(exchange);
	};

	private final SecurityWebFilterChain built = new MatcherSecurityWebFilterChain(
			ServerWebExchangeMatchers.pathMatchers("/graphql"), List.of(first, second));

	@Test
	void theChainsFiltersInItsOrderEachUnderItsClassName() {
		SecurityWebFilterChain named = NamedSecurityFilters.of(built);
		List<WebFilter> filters = named.getWebFilters().collectList().block();
		assertThat(filters).extracting(WebFilter::toString)
				.containsExactly(first.getClass().getName(), second.getClass().getName());
		assertThat(filters).extracting(filter -> ((NamedSecurityFilters.NamedFilter) filter).filter())
				.containsExactly(first, second);
		assertThat(named.getWebFilters().collectList().block()).as("made once").containsExactlyElementsOf(filters);
		MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/graphql"));
		StepVerifier.create(filters.get(0).filter(exchange, e -> filters.get(1).filter(e, x -> Mono.empty())))
				.verifyComplete();
		assertThat(ran).containsExactly("first", "second");
	}

	@Test
	void theChainDecidesWhatItMatches() {
		SecurityWebFilterChain named = NamedSecurityFilters.of(built);
		StepVerifier.create(named.matches(MockServerWebExchange.from(MockServerHttpRequest.get("/graphql"))))
				.expectNext(true).verifyComplete();
		StepVerifier.create(named.matches(MockServerWebExchange.from(MockServerHttpRequest.get("/other"))))
				.expectNext(false).verifyComplete();
	}
}
