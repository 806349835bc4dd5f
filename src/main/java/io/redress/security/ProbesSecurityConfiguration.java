package io.redress.security;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.HttpStatusServerEntryPoint;
import org.springframework.security.web.server.authorization.HttpStatusServerAccessDeniedHandler;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Under {@code /actuator} only the two probes exist: {@code GET /actuator/health/liveness} and
 * {@code GET /actuator/health/readiness}. Spring Boot serves health groups only below an exposed health endpoint, so
 * the endpoint itself and its components ({@code /actuator/health/r2dbc}, …) are mapped too; this chain makes them,
 * and anything else there, answer {@code 404} as if they were not there.
 */
@Configuration(proxyBeanMethods = false)
class ProbesSecurityConfiguration {

	private static final String LIVENESS = "/actuator/health/liveness";

	private static final String READINESS = "/actuator/health/readiness";

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE + 1)
	SecurityWebFilterChain probesFilterChain(ServerHttpSecurity http) {
		// No resource server here: a probe never carries a token, and must not fail because the issuer is down.
		HttpStatusServerEntryPoint notFound = new HttpStatusServerEntryPoint(HttpStatus.NOT_FOUND);
		return SecurityConfiguration.stateless(http.securityMatcher(
						ServerWebExchangeMatchers.pathMatchers("/actuator", "/actuator/**")))
				.authorizeExchange(exchanges -> exchanges
						.pathMatchers(HttpMethod.GET, LIVENESS, READINESS).permitAll()
						.anyExchange().denyAll())
				.exceptionHandling(handling -> handling
						.authenticationEntryPoint(notFound)
						.accessDeniedHandler(new HttpStatusServerAccessDeniedHandler(HttpStatus.NOT_FOUND)))
				.build();
	}
}
