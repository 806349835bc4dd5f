package io.redress.graphql;

import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import graphql.ExecutionInput;
import graphql.analysis.QueryComplexityCalculator;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.CoercedVariables;
import graphql.language.Document;
import graphql.schema.GraphQLSchema;

/**
 * What one operation costs a caller: a base cost plus its complexity as the query limits compute it (page sizes
 * times children, every aliased copy counted), and how many content-creating mutation fields it runs (by field name,
 * so two aliases of {@code fileComplaint} are two).
 */
record OperationPrice(long cost, long contentItems) {

	/** The price of a request that does not parse or validate: it still cost the server something. */
	static OperationPrice base(long baseCost) {
		return new OperationPrice(baseCost, 0);
	}

	/** Prices a validated document; variable values are taken as sent, which is all a page size needs. */
	static OperationPrice of(Document document, ExecutionInput input, GraphQLSchema schema, long baseCost,
			Set<String> contentMutations) {
		int complexity = QueryComplexityCalculator.newCalculator()
				.fieldComplexityCalculator(new PageSizeComplexity())
				.schema(schema).document(document).operationName(input.getOperationName())
				.variables(CoercedVariables.of(input.getVariables()))
				.build().calculate();
		AtomicLong content = new AtomicLong();
		QueryTraverser.newQueryTraverser().schema(schema).document(document)
				.operationName(input.getOperationName()).variables(input.getVariables()).build()
				.visitPreOrder(new QueryVisitorStub() {
					@Override
					public void visitField(QueryVisitorFieldEnvironment environment) {
						if (environment.getParentEnvironment() == null
								&& environment.getParentType() == schema.getMutationType()
								&& contentMutations.contains(environment.getField().getName())) {
							content.incrementAndGet();
						}
					}
				});
		return new OperationPrice(baseCost + complexity, content.get());
	}
}
