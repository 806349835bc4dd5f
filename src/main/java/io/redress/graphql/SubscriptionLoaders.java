package io.redress.graphql;

import graphql.ExecutionResult;
import graphql.execution.ExecutionContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import reactor.core.publisher.Mono;

import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.stereotype.Component;

/**
 * Gives every operation {@link OnDemandDataLoaders}, made as the operation asks for them, and has a subscription's
 * kept only while one of its events is resolved: an idle subscription holds no data loader, and nothing of the events
 * it was sent ({@link EventCallStacks}).
 */
@Component
class SubscriptionLoaders implements WebGraphQlInterceptor, Instrumentation {

	private final DataLoaderTemplates templates;

	SubscriptionLoaders(DataLoaderTemplates templates) {
		this.templates = templates;
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		configure(request);
		return chain.next(request);
	}

	/** Gives {@code request} its {@link OnDemandDataLoaders}. */
	void configure(WebGraphQlRequest request) {
		request.configureExecutionInput((input, builder) -> builder
				.dataLoaderRegistry(new OnDemandDataLoaders(templates, input.getGraphQLContext())).build());
	}

	@Override
	public ExecutionContext instrumentExecutionContext(ExecutionContext context,
			InstrumentationExecutionParameters parameters, InstrumentationState state) {
		if (context.isSubscriptionOperation() && context.getDataLoaderRegistry() instanceof OnDemandDataLoaders loaders) {
			loaders.onDemand();
		}
		return context;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginSubscribedFieldEvent(InstrumentationFieldParameters parameters,
			InstrumentationState state) {
		ExecutionContext context = parameters.getExecutionContext();
		if (!(context.getDataLoaderRegistry() instanceof OnDemandDataLoaders loaders)) {
			return null;
		}
		loaders.eventStarted();
		return SimpleInstrumentationContext.whenCompleted((result, error) -> {
			if (loaders.eventEnded()) {
				EventCallStacks.release(context.getDataLoaderDispatcherStrategy());
			}
		});
	}
}
