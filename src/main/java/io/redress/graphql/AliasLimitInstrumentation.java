package io.redress.graphql;

import java.util.concurrent.atomic.AtomicInteger;

import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.ExecutionResult;
import graphql.language.Field;
import graphql.language.Node;
import graphql.language.NodeTraverser;
import graphql.language.NodeVisitorStub;
import graphql.util.TraversalControl;
import graphql.util.TraverserContext;

/**
 * Refuses documents with more aliased fields than allowed: aliases let one small request ask for the same costly
 * field many times over, which depth and complexity limits alone price too low.
 */
final class AliasLimitInstrumentation extends SimplePerformantInstrumentation {

	private final int maxAliases;

	AliasLimitInstrumentation(int maxAliases) {
		this.maxAliases = maxAliases;
	}

	@Override
	public InstrumentationContext<ExecutionResult> beginExecuteOperation(
			InstrumentationExecuteOperationParameters parameters, InstrumentationState state) {
		AtomicInteger aliases = new AtomicInteger();
		// Pre-order visits each field once; depth-first would visit it on the way in and again on the way out.
		new NodeTraverser().preOrder(new NodeVisitorStub() {
			@Override
			public TraversalControl visitField(Field field, TraverserContext<Node> context) {
				if (field.getAlias() != null) {
					aliases.incrementAndGet();
				}
				return TraversalControl.CONTINUE;
			}
		}, parameters.getExecutionContext().getDocument());
		if (aliases.get() > maxAliases) {
			throw new AbortExecutionException(
					"The operation uses " + aliases.get() + " aliases; at most " + maxAliases + " are allowed");
		}
		return SimpleInstrumentationContext.noOp();
	}
}
