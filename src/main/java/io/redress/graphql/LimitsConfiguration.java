package io.redress.graphql;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.graphql.autoconfigure.GraphQlSourceBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.graphql.execution.GraphQlSource;

/**
 * The limits per caller: where the buckets live (this node's memory unless {@code redress.limits.store=redis}), and
 * the charge of each GraphQL operation, installed in graphql-java as its document provider.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitSettings.class)
class LimitsConfiguration {

	@Bean
	TokenBuckets tokenBuckets(LimitSettings settings) {
		return settings.store() == LimitSettings.Store.REDIS ? new RedisTokenBuckets(settings.redisUrl())
				: new LocalTokenBuckets(settings.maxTrackedCallers());
	}

	@Bean
	GraphQlSourceBuilderCustomizer operationCharge(TokenBuckets buckets, LimitSettings settings,
			ObjectProvider<GraphQlSource> graphQlSource, DocumentLookup documents) {
		OperationCharge charge = new OperationCharge(new CallerBudgets(buckets, settings),
				() -> graphQlSource.getObject().schema(), settings, documents);
		return builder -> builder.configureGraphQl(graphQl -> graphQl.preparsedDocumentProvider(charge));
	}
}
