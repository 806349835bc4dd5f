package io.redress.graphql;

import java.util.List;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.webflux.GraphQlWebSocketHandler;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.web.cors.CorsConfiguration;

/**
 * The graphql-ws endpoint, with the browser origins allowed to open it. Clients that send no Origin (integrations,
 * servers) are not browsers and are not checked; authentication is by token, never by cookie.
 */
@Configuration(proxyBeanMethods = false)
class WebSocketEndpoint {

	@Bean
	GraphQlWebSocketHandler graphQlWebSocketHandler(WebGraphQlHandler handler, GraphQlProperties properties,
			GraphQlSettings settings, ServerCodecConfigurer codecs) {
		CorsConfiguration origins = new CorsConfiguration();
		origins.setAllowedOriginPatterns(settings.websocketAllowedOrigins());
		origins.setAllowedMethods(List.of("GET"));
		return new GraphQlWebSocketHandler(handler, codecs, properties.getWebsocket().getConnectionInitTimeout(),
				properties.getWebsocket().getKeepAlive(), origins);
	}
}
