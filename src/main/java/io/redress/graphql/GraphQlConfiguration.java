package io.redress.graphql;

import graphql.execution.instrumentation.Instrumentation;
import io.micrometer.observation.ObservationRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.graphql.execution.RuntimeWiringConfigurer;
import org.springframework.graphql.observation.GraphQlObservationInstrumentation;

/**
 * Scalars, connection wiring and the query limits; Spring Boot hands every {@link Instrumentation} bean to
 * graphql-java.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(GraphQlSettings.class)
class GraphQlConfiguration {

	private static final Logger log = LoggerFactory.getLogger(GraphQlConfiguration.class);

	/**
	 * Where documents come from: any sound document, sent as text or registered by its hash, or only the trusted
	 * documents of {@code redress.graphql.trusted-documents}.
	 */
	@Bean
	DocumentLookup documentLookup(GraphQlSettings settings, ResourceLoader resources, JsonMapper json) {
		if (settings.trustedDocuments().isBlank()) {
			return DocumentLookup.open();
		}
		TrustedDocuments trusted = TrustedDocuments.read(resources.getResource(settings.trustedDocuments()), json);
		log.info("Only the {} trusted documents of {} run", trusted.size(), settings.trustedDocuments());
		return DocumentLookup.trusting(trusted);
	}

	/** Takes the place of Spring Boot's registry of batch loaders: an operation's loaders are made as it asks. */
	@Bean
	DataLoaderTemplates dataLoaderTemplates() {
		return new DataLoaderTemplates();
	}

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

	/**
	 * The instrumentations Spring Boot found, in its order, but asked per field and per object only when one of them
	 * works there ({@link InstrumentationChain}); it takes the place of the plain chain Spring set before.
	 */
	@Bean
	GraphQlSourceBuilderCustomizer instrumentationChain(ObjectProvider<Instrumentation> instrumentations) {
		return builder -> builder.configureGraphQl(graphQl -> graphQl
				.instrumentation(new InstrumentationChain(instrumentations.orderedStream().toList())));
	}

	@Bean
	Instrumentation maxQueryDepth(GraphQlSettings settings) {
		return LimitInstrumentations.maxDepth(settings.maxDepth());
	}

	@Bean
	Instrumentation maxQueryComplexity(GraphQlSettings settings) {
		return LimitInstrumentations.maxComplexity(settings.maxComplexity(), new PageSizeComplexity());
	}

	@Bean
	Instrumentation maxAliases(GraphQlSettings settings) {
		return new AliasLimitInstrumentation(settings.maxAliases());
	}
}
