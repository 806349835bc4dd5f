package io.redress.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;

/**
 * Scalars, connection wiring and the query limits; Spring Boot hands every {@link Instrumentation} bean to
 * graphql-java.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlSettings.class)
class GraphQlConfiguration {

	@Bean
	RuntimeWiringConfigurer scalars() {
		return wiring -> wiring.scalar(DateTimeScalar.INSTANCE);
	}

	@Bean
	RuntimeWiringConfigurer connectionNodes() {
		return new ConnectionNodes();
	}

	@Bean
	Instrumentation maxQueryDepth(GraphQlSettings settings) {
		return new MaxQueryDepthInstrumentation(settings.maxDepth());
	}

	@Bean
	Instrumentation maxQueryComplexity(GraphQlSettings settings) {
		return new MaxQueryComplexityInstrumentation(settings.maxComplexity(), new PageSizeComplexity());
	}

	@Bean
	Instrumentation maxAliases(GraphQlSettings settings) {
		return new AliasLimitInstrumentation(settings.maxAliases());
	}
}
