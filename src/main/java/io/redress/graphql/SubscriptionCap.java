package io.redress.graphql;

import java.util.concurrent.atomic.AtomicInteger;

import graphql.ExecutionResult;
import graphql.GraphqlErrorBuilder;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

import org.springframework.core.Ordered;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.server.WebGraphQlInterceptor;
import org.springframework.graphql.server.WebGraphQlRequest;
import org.springframework.graphql.server.WebGraphQlResponse;
import org.springframework.graphql.server.WebSocketGraphQlRequest;
import org.springframework.graphql.support.DefaultExecutionGraphQlResponse;
import org.springframework.stereotype.Component;

/** Caps the subscriptions one WebSocket holds at once, so a single connection cannot pin unbounded server work. */
@Component
class SubscriptionCap implements WebGraphQlInterceptor, Ordered {

	private static final String ACTIVE = SubscriptionCap.class.getName() + ".ACTIVE";

	private final int max;

	SubscriptionCap(GraphQlSettings settings) {
		this.max = settings.maxSubscriptionsPerSocket();
	}

	@Override
	public Mono<WebGraphQlResponse> intercept(WebGraphQlRequest request, Chain chain) {
		if (!(request instanceof WebSocketGraphQlRequest socketRequest)) {
			return chain.next(request);
		}
		AtomicInteger active = (AtomicInteger) socketRequest.getSessionInfo().getAttributes()
				.computeIfAbsent(ACTIVE, key -> new AtomicInteger());
		return chain.next(request).map(response -> {
			if (!(response.getExecutionResult().getData() instanceof Publisher<?> events)) {
				return response;
			}
			if (active.incrementAndGet() > max) {
				active.decrementAndGet();
				return tooMany(request);
			}
			Flux<?> counted = Flux.from(events).doFinally(signal -> active.decrementAndGet());
			return response.transform(builder -> builder.data(counted));
		});
	}

	private WebGraphQlResponse tooMany(WebGraphQlRequest request) {
		ExecutionResult result = ExecutionResult.newExecutionResult()
				.addError(GraphqlErrorBuilder.newError().errorType(ErrorType.BAD_REQUEST)
						.message("At most " + max + " subscriptions per connection; complete one first").build())
				.build();
		return new WebGraphQlResponse(new DefaultExecutionGraphQlResponse(request.toExecutionInput(), result));
	}

	@Override
	public int getOrder() {
		return 0;
	}
}
