package io.redress.graphql;

import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.FieldComplexityEnvironment;
import io.redress.shared.PageRequest;

/**
 * Prices a field at one plus its children, times the page it asks for: {@code brands(first: 100) { members }} costs
 * a hundred times its children, which is what the database really does.
 */
final class PageSizeComplexity implements FieldComplexityCalculator {

	@Override
	public int calculate(FieldComplexityEnvironment environment, int childComplexity) {
		Object first = environment.getArguments().get("first");
		int multiplier = 1;
		if (first instanceof Integer size) {
			multiplier = Math.max(1, Math.min(size, PageRequest.MAX_FIRST));
		}
		else if (environment.getFieldDefinition().getArgument("first") != null) {
			multiplier = PageRequest.DEFAULT_FIRST;
		}
		return 1 + childComplexity * multiplier;
	}
}
