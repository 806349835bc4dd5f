package io.redress.graphql;

import io.r2dbc.postgresql.PostgresqlConnectionFactoryProvider;

import org.springframework.boot.r2dbc.autoconfigure.ConnectionFactoryOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The PostgreSQL driver's connections live on the HTTP server's event loops, not on event loops of their own. By
 * default the driver takes Reactor Netty's TCP loops, so a node ran two sets of four loops on however many cores it
 * has, and every read crossed between them twice: the request's loop hands its statement to a connection's loop, and
 * the rows come back on that loop, which then runs the rest of the request (execution, JSON, the write to the
 * client's socket, queued back to the request's loop). With one set, a connection opened from a request's loop stays
 * on it (Reactor Netty colocates a client channel with the loop that opens it), fewer threads share the cores, and
 * many answers are written from the loop that owns the client's socket. Everything on these loops is non-blocking,
 * so neither side can hold the other up.
 */
@Configuration(proxyBeanMethods = false)
class SharedEventLoops {

	@Bean
	ConnectionFactoryOptionsBuilderCustomizer databaseOnServerLoops(ReactorResourceFactory resources) {
		return options -> options.option(PostgresqlConnectionFactoryProvider.LOOP_RESOURCES,
				resources.getLoopResources());
	}
}
