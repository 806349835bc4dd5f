package io.redress.security;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.redress.shared.Outage;
import reactor.core.publisher.Mono;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlInterceptor;
import org.springframework.graphql.server.WebSocketSessionInfo;
import org.springframework.graphql.server.support.BearerTokenAuthenticationExtractor;
import org.springframework.graphql.server.webflux.AuthenticationWebSocketInterceptor;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerWebExchangeFirewall;
import org.springframework.security.web.server.firewall.StrictServerWebExchangeFirewall;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.reactive.CorsConfigurationSource;
import org.springframework.web.cors.reactive.UrlBasedCorsConfigurationSource;

/**
 * Stateless bearer-token security: anyone may call the API, a token (if sent) must be valid, and rights are checked
 * by the module services rather than by URL.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
class SecurityConfiguration {

	private static final String WIDGETS = "/widgets/**";
	// One segment only: /brands/{slug}/complaints.csv is a manager's export and goes through the token chain.
	private static final String[] PUBLIC_PAGES = {WIDGETS, "/brands/*", "/complaints/*"};

	@Bean
	SecurityWebFilterChain securityWebFilterChain(ServerHttpSecurity http, SecuritySettings settings,
			ReactiveJwtDecoder jwtDecoder, IssuerOutage issuer) {
		return NamedSecurityFilters.of(stateless(http)
				.cors(cors -> cors.configurationSource(corsConfigurationSource(settings)))
				.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
				.oauth2ResourceServer(server -> server
						.authenticationFailureHandler(issuer.failureHandler())
						.jwt(jwt -> jwt.authenticationManager(issuer.watching(jwtAuthentication(jwtDecoder, settings)))))
				.build());
	}

	/**
	 * No observations of the security filter chain, its authentications and authorizations: with an observation
	 * registry present Spring Security wraps each of the chain's filters in observations of its own, on every request,
	 * anonymous ones too, for timers that nothing reads (only the health probes are exposed) and that the HTTP server's
	 * own observation of the whole request already covers.
	 */
	@Bean
	SecurityObservationSettings securityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	/**
	 * Spring Security's strict firewall with its default rules, its header checks first looking whether a name or a
	 * value is printable ASCII (see {@link PrintableAsciiFirst}): the same requests pass and are refused, without a
	 * regular expression per header read on every request.
	 */
	@Bean
	ServerWebExchangeFirewall firewall() {
		StrictServerWebExchangeFirewall firewall = new StrictServerWebExchangeFirewall();
		firewall.setAllowedHeaderNames(new PrintableAsciiFirst(StrictServerWebExchangeFirewall.ALLOWED_HEADER_NAMES));
		firewall.setAllowedHeaderValues(new PrintableAsciiFirst(StrictServerWebExchangeFirewall.ALLOWED_HEADER_VALUES));
		return firewall;
	}

	/** Shared by HTTP and WebSocket authentication, so an issuer outage is one outage in the log. */
	@Bean
	IssuerOutage issuerOutage() {
		return new IssuerOutage();
	}

	private static JwtReactiveAuthenticationManager jwtAuthentication(ReactiveJwtDecoder jwtDecoder,
			SecuritySettings settings) {
		JwtReactiveAuthenticationManager manager = new JwtReactiveAuthenticationManager(jwtDecoder);
		manager.setJwtAuthenticationConverter(new JwtToViewer(settings.rolesClaim()));
		return manager;
	}

	/**
	 * Widgets and the public pages are anonymous and read-only, widgets made to be embedded anywhere: no token is
	 * looked at, any page may frame the card, and these endpoints set their own caching and framing headers.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain widgetFilterChain(ServerHttpSecurity http) {
		CorsConfiguration anyOrigin = new CorsConfiguration();
		anyOrigin.addAllowedOrigin("*");
		anyOrigin.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.HEAD.name()));
		anyOrigin.addAllowedHeader("*");
		anyOrigin.setAllowCredentials(false);
		anyOrigin.setMaxAge(Duration.ofHours(1));
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		source.registerCorsConfiguration(WIDGETS, anyOrigin);
		ServerHttpSecurity publicPages = http.securityMatcher(ServerWebExchangeMatchers.pathMatchers(PUBLIC_PAGES));
		return NamedSecurityFilters.of(stateless(publicPages)
				.headers(headers -> headers
						.frameOptions(ServerHttpSecurity.HeaderSpec.FrameOptionsSpec::disable)
						.cache(ServerHttpSecurity.HeaderSpec.CacheSpec::disable))
				.cors(cors -> cors.configurationSource(source))
				.authorizeExchange(exchanges -> exchanges.anyExchange().permitAll())
				.build());
	}

	/**
	 * WebSocket subscriptions authenticate from the graphql-ws {@code connection_init} payload
	 * ({@code {"Authorization": "Bearer …"}}), validated exactly like an HTTP bearer token; no token means anonymous.
	 * A token refused because the issuer is unreachable marks the session, which then closes with 1013 (try again
	 * later) rather than graphql-ws's 4401.
	 */
	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	WebSocketGraphQlInterceptor webSocketAuthentication(ReactiveJwtDecoder jwtDecoder, SecuritySettings settings,
			IssuerOutage issuer) {
		AuthenticationWebSocketInterceptor authentication = new AuthenticationWebSocketInterceptor(
				new BearerTokenAuthenticationExtractor(), issuer.watching(jwtAuthentication(jwtDecoder, settings)));
		return new WebSocketGraphQlInterceptor() {

			@Override
			public Mono<Object> handleConnectionInitialization(WebSocketSessionInfo info, Map<String, Object> payload) {
				return authentication.handleConnectionInitialization(info, payload)
						.doOnError(IssuerOutage::unreachable,
								ex -> info.getAttributes().put(Outage.REFUSED_BY, "token issuer"));
			}

			@Override
			public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
				return authentication.intercept(request, chain);
			}
		};
	}

	/** No sessions, no cookies, no forms: every request stands alone, as a bearer-token API's do. */
	static ServerHttpSecurity stateless(ServerHttpSecurity http) {
		return http
				.csrf(ServerHttpSecurity.CsrfSpec::disable)
				.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
				.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
				.logout(ServerHttpSecurity.LogoutSpec::disable)
				.requestCache(ServerHttpSecurity.RequestCacheSpec::disable)
				.securityContextRepository(NoOpServerSecurityContextRepository.getInstance());
	}

	private static CorsConfigurationSource corsConfigurationSource(SecuritySettings settings) {
		UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
		if (!settings.corsAllowedOrigins().isEmpty()) {
			CorsConfiguration api = new CorsConfiguration();
			api.setAllowedOrigins(settings.corsAllowedOrigins());
			api.setAllowedMethods(List.of(HttpMethod.GET.name(), HttpMethod.POST.name()));
			api.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept"));
			api.setMaxAge(Duration.ofHours(1));
			source.registerCorsConfiguration("/graphql", api);
		}
		// A WebSocket handshake is a GET to /graphql too, but its origins are the WebSocket endpoint's to check
		// (redress.graphql.websocket-allowed-origins), so the SPA's CORS origins do not narrow them.
		return exchange -> "websocket".equalsIgnoreCase(exchange.getRequest().getHeaders().getUpgrade()) ? null
				: source.getCorsConfiguration(exchange);
	}
}
