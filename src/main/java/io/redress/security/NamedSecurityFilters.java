package io.redress.security;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * A security filter chain as Spring Security built it, each filter under a fixed name. Spring's filter chain names
 * every filter in a Reactor checkpoint on every request, with {@code toString()}, which Spring Security's filters
 * leave to {@code Object.toString()}: a hash and a concatenation per filter and request, about a dozen filters for an
 * anonymous read. The filters, their order and what they do are the chain's own; the chain's filters are read once.
 */
record NamedSecurityFilters(SecurityWebFilterChain chain, Flux<WebFilter> named) implements SecurityWebFilterChain {

	static SecurityWebFilterChain of(SecurityWebFilterChain chain) {
		return new NamedSecurityFilters(chain, chain.getWebFilters().map(NamedFilter::of).cache());
	}

	@Override
	public Mono<Boolean> matches(ServerWebExchange exchange) {
		return chain.matches(exchange);
	}

	@Override
	public Flux<WebFilter> getWebFilters() {
		return named;
	}

	/** One of the chain's filters, under its class's name. */
	record NamedFilter(WebFilter filter, String name) implements WebFilter {

		static WebFilter of(WebFilter filter) {
			return new NamedFilter(filter, filter.getClass().getName());
		}

		@Override
		public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain next) {
			return filter.filter(exchange, next);
		}

		@Override
		public String toString() {
			return name;
		}
	}
}
