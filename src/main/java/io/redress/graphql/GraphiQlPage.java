package io.redress.graphql;

import java.util.LinkedHashMap;
import java.util.Map;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.graphql.autoconfigure.GraphQlProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;

/**
 * GraphiQL at {@code spring.graphql.graphiql.path} when {@code spring.graphql.graphiql.enabled} is on, with every
 * file it needs served by this server (React and GraphiQL from their WebJars), so it works without internet, and
 * the README's example operations as its first tabs. Spring for GraphQL's own page loads its scripts from a CDN.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnBooleanProperty("spring.graphql.graphiql.enabled")
class GraphiQlPage {

	/** The dev server's demo sign-in path (set by {@code RedressDevApplication} only); the page offers it. */
	static final String SIGN_IN = "redress.dev.graphiql-sign-in";

	/**
	 * Scripts and styles from this server only, no inline script; GraphiQL and its editors set inline styles and
	 * carry their fonts as data URLs; requests (graphql-ws included, which CSP counts as 'self') go to this server.
	 */
	static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; font-src 'self' data:; img-src 'self' data:; connect-src 'self'; "
			+ "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

	/** The README, put on the classpath by the build; its example operations become the page's tabs. */
	static final String README = "graphiql/README.md";

	/**
	 * Spring for GraphQL's router ({@code @Order(0)}) still maps its own page to the same path when GraphiQL is
	 * enabled; this router is asked first, so that page is never served.
	 */
	@Bean
	@Order(-1)
	RouterFunction<ServerResponse> graphiQlRoutes(GraphQlProperties properties, JsonMapper json,
			Environment environment) {
		String base = GraphiQlSetup.path("spring.graphql.graphiql.path", properties.getGraphiql().getPath());
		GraphiQlSetup setup = GraphiQlSetup.of(DocumentedOperations.in(ServedFile.text(README)),
				properties.getHttp().getPath(), properties.getWebsocket().getPath(), environment.getProperty(SIGN_IN));
		RouterFunctions.Builder routes = RouterFunctions.route();
		files(base, json.writeValueAsString(setup)).forEach((path, file) -> routes.GET(path, file::serve));
		return routes.build();
	}

	/** Everything the page loads, by path: nothing else under {@code base} is served. */
	static Map<String, ServedFile> files(String base, String setup) {
		Map<String, ServedFile> files = new LinkedHashMap<>();
		files.put(base, ServedFile.of(ServedFile.text("graphiql/index.html").replace("{{base}}", base),
				ServedFile.HTML, Map.of("Content-Security-Policy", CONTENT_SECURITY_POLICY,
						"Referrer-Policy", "no-referrer")));
		files.put(base + "/setup.json", ServedFile.of(setup, MediaType.APPLICATION_JSON));
		files.put(base + "/page.js", ServedFile.of(ServedFile.text("graphiql/page.js"), ServedFile.JAVASCRIPT));
		files.put(base + "/page.css", ServedFile.of(ServedFile.text("graphiql/page.css"), ServedFile.CSS));
		files.put(base + "/vendor/react.production.min.js",
				ServedFile.webJar("react", "umd/react.production.min.js", ServedFile.JAVASCRIPT));
		files.put(base + "/vendor/react-dom.production.min.js",
				ServedFile.webJar("react-dom", "umd/react-dom.production.min.js", ServedFile.JAVASCRIPT));
		files.put(base + "/vendor/graphiql.min.js",
				ServedFile.webJar("graphiql", "graphiql.min.js", ServedFile.JAVASCRIPT));
		files.put(base + "/vendor/graphiql.min.css", ServedFile.webJar("graphiql", "graphiql.min.css", ServedFile.CSS));
		return files;
	}
}
