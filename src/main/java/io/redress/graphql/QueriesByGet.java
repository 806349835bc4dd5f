package io.redress.graphql;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import graphql.GraphQLError;
import io.redress.shared.RequestHash;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.graphql.MediaTypes;
import org.springframework.graphql.server.WebGraphQlHandler;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.support.SerializableGraphQlRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * {@code GET /graphql} for persisted queries, as Apollo Client sends them with {@code useGETForHashedQueries}: the
 * hash in {@code extensions}, with {@code variables} and {@code operationName}, each a URL parameter. A GET never
 * changes anything: it carries no document text, and a hash naming a mutation or subscription is refused
 * ({@code 405}, {@link DocumentLookup#READ_ONLY}). A successful answer is cacheable: anonymous ones by anyone for
 * {@code redress.graphql.get-max-age}, a signed-in caller's by their browser only, revalidated by its {@code ETag}.
 */
@Configuration(proxyBeanMethods = false)
class QueriesByGet {

	private static final List<MediaType> ANSWERS = List.of(MediaTypes.APPLICATION_GRAPHQL_RESPONSE,
			MediaType.APPLICATION_JSON);

	/** Asked before Spring for GraphQL's router ({@code @Order(0)}), which answers every GET with 405. */
	@Bean
	@Order(-1)
	RouterFunction<ServerResponse> queriesByGetRoute(GraphQlProperties properties, WebGraphQlHandler handler,
			JsonMapper json, GraphQlSettings settings) {
		Handler get = new Handler(handler, json, CacheControl.maxAge(settings.getMaxAge()).cachePublic());
		return RouterFunctions.route().GET(properties.getHttp().getPath(), get::handle).build();
	}

	private record Handler(WebGraphQlHandler graphQl, JsonMapper json, CacheControl anonymous) {

		Mono<ServerResponse> handle(ServerRequest request) {
			var parameters = request.queryParams();
			SerializableGraphQlRequest body = new SerializableGraphQlRequest();
			try {
				body.setExtensions(object(parameters.getFirst("extensions")));
				body.setVariables(object(parameters.getFirst("variables")));
			}
			catch (JacksonException | ClassCastException ex) {
				return refused(HttpStatus.BAD_REQUEST, "variables and extensions must be JSON objects");
			}
			if (parameters.containsKey("query") || !(body.getExtensions().get("persistedQuery") instanceof Map)) {
				return refused(HttpStatus.BAD_REQUEST, "GET runs persisted queries only: send the hash in "
						+ "extensions.persistedQuery.sha256Hash, and any document text by POST");
			}
			body.setOperationName(parameters.getFirst("operationName"));
			WebGraphQlRequest graphQlRequest = new WebGraphQlRequest(request.uri(), request.headers().asHttpHeaders(),
					request.cookies(), request.remoteAddress().orElse(null), request.attributes(), body,
					request.exchange().getRequest().getId(), request.exchange().getLocaleContext().getLocale());
			graphQlRequest.configureExecutionInput((input, builder) -> builder
					.graphQLContext(Map.of(DocumentLookup.READ_ONLY, true)).build());
			return graphQl.handleRequest(graphQlRequest).flatMap(response -> answer(request, response));
		}

		@SuppressWarnings("unchecked")
		private Map<String, Object> object(String parameter) {
			Map<String, Object> value = parameter == null ? null : json.readValue(parameter, Map.class);
			return value == null ? Map.of() : value;
		}

		private Mono<ServerResponse> answer(ServerRequest request, WebGraphQlResponse response) {
			List<GraphQLError> errors = response.getExecutionResult().getErrors();
			MediaType mediaType = request.headers().accept().stream().filter(ANSWERS::contains).findFirst()
					.orElse(MediaType.APPLICATION_JSON);
			String body = json.writeValueAsString(response.toMap());
			ServerResponse.BodyBuilder answer;
			if (errors.stream().anyMatch(QueriesByGet::postRequired)) {
				answer = ServerResponse.status(HttpStatus.METHOD_NOT_ALLOWED)
						.header(HttpHeaders.ALLOW, HttpMethod.POST.name()).cacheControl(CacheControl.noStore());
			}
			else if (!errors.isEmpty()) {
				boolean noData = !response.getExecutionResult().isDataPresent();
				answer = ServerResponse.status(noData && !mediaType.equals(MediaType.APPLICATION_JSON)
						? HttpStatus.BAD_REQUEST : HttpStatus.OK).cacheControl(CacheControl.noStore());
			}
			else {
				String etag = "\"" + RequestHash.of(body).substring(0, 32) + "\"";
				boolean signedIn = request.headers().firstHeader(HttpHeaders.AUTHORIZATION) != null;
				ServerResponse.BodyBuilder cacheable = ServerResponse.ok().eTag(etag)
						.cacheControl(signedIn ? CacheControl.noCache().cachePrivate() : anonymous);
				return request.checkNotModified(etag)
						.switchIfEmpty(Mono.defer(() -> send(cacheable, mediaType, response, body)));
			}
			return send(answer, mediaType, response, body);
		}

		private static Mono<ServerResponse> send(ServerResponse.BodyBuilder answer, MediaType mediaType,
				WebGraphQlResponse response, String body) {
			return answer.varyBy(HttpHeaders.AUTHORIZATION, HttpHeaders.ACCEPT)
					.headers(headers -> headers.addAll(response.getResponseHeaders()))
					.contentType(mediaType).bodyValue(body.getBytes(StandardCharsets.UTF_8));
		}

		private static Mono<ServerResponse> refused(HttpStatus status, String message) {
			return ServerResponse.status(status).contentType(MediaType.APPLICATION_JSON)
					.cacheControl(CacheControl.noStore())
					.bodyValue(Map.of("errors", List.of(Map.of("message", message,
							"extensions", Map.of("classification", "BAD_REQUEST")))));
		}
	}

	private static boolean postRequired(GraphQLError error) {
		return error.getExtensions() != null
				&& DocumentLookup.POST_REQUIRED.equals(error.getExtensions().get("code"));
	}
}
