package io.redress.security;

import graphql.schema.idl.SchemaPrinter;
import io.redress.shared.RequestHash;
import reactor.core.publisher.Mono;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /graphql/schema}: the schema as SDL, for code generators. It shows exactly what introspection shows, so
 * the same settings govern it: nothing while {@code spring.graphql.schema.introspection.enabled} is off, and to
 * callers without a token only with {@code redress.security.anonymous-introspection}. Refused, it is a plain
 * {@code 404}, as if there were no such file.
 */
@Configuration(proxyBeanMethods = false)
class SchemaDownload {

	private static final MediaType SDL = MediaType.parseMediaType("text/plain;charset=UTF-8");

	/** Asked before Spring for GraphQL's router ({@code @Order(0)}), which may map its own schema page. */
	@Bean
	@Order(-1)
	RouterFunction<ServerResponse> schemaDownloadRoute(GraphQlProperties properties, SecuritySettings settings,
			ObjectProvider<GraphQlSource> graphQlSource) {
		boolean introspection = properties.getSchema().getIntrospection().isEnabled();
		Sdl sdl = new Sdl(graphQlSource);
		return RouterFunctions.route().GET(properties.getHttp().getPath() + "/schema",
				request -> CurrentViewer.get()
						.filter(viewer -> introspection && (viewer.isAuthenticated() || settings.anonymousIntrospection()))
						.flatMap(viewer -> sdl.serve(request))
						.switchIfEmpty(Mono.defer(() -> ServerResponse.notFound().build())))
				.build();
	}

	/** The printed schema, made on first request: the schema does not change while the server runs. */
	private static final class Sdl {

		private final ObjectProvider<GraphQlSource> graphQlSource;
		private volatile Printed printed;

		Sdl(ObjectProvider<GraphQlSource> graphQlSource) {
			this.graphQlSource = graphQlSource;
		}

		Mono<ServerResponse> serve(ServerRequest request) {
			Printed schema = printed;
			if (schema == null) {
				String text = new SchemaPrinter().print(graphQlSource.getObject().schema());
				schema = new Printed(text, "\"" + RequestHash.of(text).substring(0, 32) + "\"");
				printed = schema;
			}
			Printed answer = schema;
			return request.checkNotModified(answer.etag()).switchIfEmpty(Mono.defer(() -> ServerResponse.ok()
					.contentType(SDL).eTag(answer.etag()).cacheControl(CacheControl.noCache())
					.varyBy(HttpHeaders.AUTHORIZATION).bodyValue(answer.text())));
		}
	}

	private record Printed(String text, String etag) {
	}
}
