package io.redress.graphql;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

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

	/** Takes the place of Spring Boot's instrumentation, which would observe every field of every row. */
	@Bean
	GraphQlObservationInstrumentation requestObservations(ObservationRegistry registry) {
		return new RequestObservations(registry);
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
