package io.redress.graphql;

import graphql.ExecutionResult;
import graphql.analysis.FieldComplexityCalculator;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;

/**
 * graphql-java's depth and complexity limits, which walk the whole operation each time it runs, checking an operation
 * once ({@link PassedLimits}): parsing and validating are done once per document ({@link ParsedDocuments}), and the
 * walk was what was left of that work on every request (5 % of Q1's CPU and 11 % of its allocations). An operation
 * over a limit is checked, and refused by graphql-java with its own error, every time.
 */
final class LimitInstrumentations {

	private LimitInstrumentations() {
	}

	static MaxQueryDepthInstrumentation maxDepth(int maxDepth) {
		return new Depth(maxDepth);
	}

	static MaxQueryComplexityInstrumentation maxComplexity(int maxComplexity, FieldComplexityCalculator calculator) {
		return new Complexity(maxComplexity, calculator);
	}

	private static final class Depth extends MaxQueryDepthInstrumentation {

		private final PassedLimits passed = new PassedLimits();

		Depth(int maxDepth) {
			super(maxDepth);
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginExecuteOperation(
				InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
			return passed.checkOnce(parameters.getExecutionContext(),
					() -> super.beginExecuteOperation(parameters, state));
		}
	}

	private static final class Complexity extends MaxQueryComplexityInstrumentation {

		private final PassedLimits passed = new PassedLimits();

		Complexity(int maxComplexity, FieldComplexityCalculator calculator) {
			super(maxComplexity, calculator);
		}

		@Override
		public InstrumentationContext<ExecutionResult> beginExecuteOperation(
				InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
			return passed.checkOnce(parameters.getExecutionContext(),
					() -> super.beginExecuteOperation(parameters, state));
		}
	}
}
